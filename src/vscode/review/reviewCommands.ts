import * as path from 'node:path';
import * as vscode from 'vscode';
import { createFileExclusive } from '../../core/journal/journalFiles';
import { toIsoDate } from '../../core/toolkit/localDates';
import { renderReview, ReviewPeriod } from '../../core/review/review';
import { parseReviewRange, REVIEWS_FOLDER, reviewPeriods } from '../../core/review/reviewPeriods';
import { toTypeSlug } from '../../core/retro/userTemplates';
import { CommandId } from '../ids';
import { showJournalError } from '../journal/journalErrors';
import { Services } from '../services';
import { journalFolderOf, readSettings, ReflectSettings } from '../settings';

/**
 * Writes the review of `period` to `<journal>/reviews/`, next to (never over) earlier ones, and
 * resolves to its path.
 */
export async function writeReview(period: ReviewPeriod, settings: ReflectSettings, services: Services): Promise<string> {
  const folder = journalFolderOf(settings);
  const today = toIsoDate(services.clock.now());
  const entries = await services.journal.entries();
  const people = await services.people.read(folder, entries);
  const text = await renderReview({ entries, goals: await services.journal.goals(), period, schedule: settings.reminder, today, people });
  const base = path.join(folder, REVIEWS_FOLDER, `${today}-${toTypeSlug(period.label)}`);
  for (let n = 1; ; n++) {
    const file = n === 1 ? `${base}.md` : `${base}-${n}.md`;
    if ((await createFileExclusive(file, text)) === 'created') return file;
  }
}

interface PeriodItem extends vscode.QuickPickItem {
  period?: ReviewPeriod;
}

async function pickPeriod(settings: ReflectSettings, now: Date): Promise<ReviewPeriod | undefined> {
  const items: PeriodItem[] = reviewPeriods(now, settings.sprint).map((p) => ({ label: p.label, description: `${p.from} to ${p.to}`, period: p }));
  items.push({ label: 'Custom range…' });
  const picked = await vscode.window.showQuickPick(items, { title: 'Reflect: Generate Review', placeHolder: 'Which period?' });
  if (!picked) return undefined;
  if (picked.period) return picked.period;
  const range = await vscode.window.showInputBox({
    title: 'Reflect: Generate Review',
    prompt: 'From and to, as YYYY-MM-DD YYYY-MM-DD',
    placeHolder: `${toIsoDate(new Date(now.getFullYear(), 0, 1))} ${toIsoDate(now)}`,
    validateInput: (v) => (parseReviewRange(v) ? undefined : 'Two dates like 2026-01-01 2026-06-30, the first not after the second.'),
  });
  return range ? parseReviewRange(range) : undefined;
}

/** Reflect: Generate Review. An argument (a period id or { from, to, label }) skips the picker. */
export function register(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandId.generateReview, async (arg?: unknown) => {
      try {
        const settings = readSettings();
        const now = services.clock.now();
        let period: ReviewPeriod | undefined;
        if (typeof arg === 'string') period = reviewPeriods(now, settings.sprint).find((p) => p.id === arg);
        else if (arg && typeof arg === 'object') {
          const { from, to, label } = arg as Partial<ReviewPeriod>;
          period = typeof from === 'string' && typeof to === 'string' ? parseReviewRange(`${from} ${to}`) : undefined;
          if (period && typeof label === 'string') period.label = label;
        } else period = await pickPeriod(settings, now);
        if (!period) return undefined;
        const file = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Reflect: writing the review' }, () =>
          writeReview(period!, settings, services),
        );
        await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: false });
        services.log.info(`Wrote the review of ${period.label} to ${file}`);
        return file;
      } catch (err) {
        void showJournalError(err, services.log);
        return undefined;
      }
    }),
  );
}
