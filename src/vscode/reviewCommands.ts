import * as path from 'node:path';
import * as vscode from 'vscode';
import { createFileExclusive } from '../core/journalFiles';
import { addDays, parseIsoDate, startOfDay, toIsoDate } from '../core/localDates';
import { renderReview, ReviewPeriod } from '../core/review';
import { sprintContaining } from '../core/sprintPeriod';
import { toTypeSlug } from '../core/userTemplates';
import { CommandId } from './ids';
import { journalFolderPath, showJournalError } from './journalFolder';
import { JournalService } from './journalService';
import { Services } from './services';
import { readSettings, ReflectSettings } from './settings';

export const REVIEWS_FOLDER = 'reviews';

/** The periods offered by Generate Review, relative to `today`. */
export function reviewPeriods(today: Date, settings: ReflectSettings): (ReviewPeriod & { id: string })[] {
  const day = startOfDay(today);
  const y = day.getFullYear();
  const m = day.getMonth();
  const iso = toIsoDate;
  const current = sprintContaining(day, settings.sprint);
  const previous = sprintContaining(addDays(current.start, -1), settings.sprint);
  const sprintName = (s: typeof current): string => (s.number === undefined ? 'sprint' : `sprint ${s.number}`);
  const quarterStart = Math.floor(m / 3) * 3;
  return [
    { id: 'this-sprint', label: `This ${sprintName(current)}`, from: iso(current.start), to: iso(day) },
    { id: 'last-sprint', label: `Last ${sprintName(previous)}`, from: iso(previous.start), to: iso(previous.end) },
    { id: 'last-month', label: 'Last month', from: iso(new Date(y, m - 1, 1)), to: iso(new Date(y, m, 0)) },
    { id: 'last-quarter', label: 'Last quarter', from: iso(new Date(y, quarterStart - 3, 1)), to: iso(new Date(y, quarterStart, 0)) },
    { id: 'last-year', label: 'Last year', from: `${y - 1}-01-01`, to: `${y - 1}-12-31` },
  ];
}

/**
 * Writes the review of `period` to `<journal>/reviews/`, next to (never over) earlier ones, and
 * resolves to its path.
 */
export async function writeReview(period: ReviewPeriod, services: Services, journal: JournalService): Promise<string> {
  const folder = journalFolderPath();
  const index = await journal.index();
  const settings = readSettings();
  const today = toIsoDate(services.clock.now());
  const text = renderReview({ entries: index?.entries() ?? [], goals: await journal.goals(), period, schedule: settings.reminder, today });
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
  const items: PeriodItem[] = reviewPeriods(now, settings).map((p) => ({ label: p.label, description: `${p.from} to ${p.to}`, period: p }));
  items.push({ label: 'Custom range…' });
  const picked = await vscode.window.showQuickPick(items, { title: 'Reflect: Generate Review', placeHolder: 'Which period?' });
  if (!picked) return undefined;
  if (picked.period) return picked.period;
  const range = await vscode.window.showInputBox({
    title: 'Reflect: Generate Review',
    prompt: 'From and to, as YYYY-MM-DD YYYY-MM-DD',
    placeHolder: `${toIsoDate(new Date(now.getFullYear(), 0, 1))} ${toIsoDate(now)}`,
    validateInput: (v) => (parseRange(v) ? undefined : 'Two dates like 2026-01-01 2026-06-30, the first not after the second.'),
  });
  return range ? parseRange(range) : undefined;
}

function parseRange(value: string): ReviewPeriod | undefined {
  const [from, to, ...rest] = value.trim().split(/\s+/);
  if (rest.length > 0 || !from || !to || !parseIsoDate(from) || !parseIsoDate(to) || from > to) return undefined;
  return { from, to, label: `${from} to ${to}` };
}

/** Reflect: Generate Review. An argument (a period id or { from, to, label }) skips the picker. */
export function register(context: vscode.ExtensionContext, services: Services, journal: JournalService): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandId.generateReview, async (arg?: unknown) => {
      try {
        const settings = readSettings();
        const now = services.clock.now();
        let period: ReviewPeriod | undefined;
        if (typeof arg === 'string') period = reviewPeriods(now, settings).find((p) => p.id === arg);
        else if (arg && typeof arg === 'object') {
          const { from, to, label } = arg as Partial<ReviewPeriod>;
          period = typeof from === 'string' && typeof to === 'string' ? parseRange(`${from} ${to}`) : undefined;
          if (period && typeof label === 'string') period.label = label;
        } else period = await pickPeriod(settings, now);
        if (!period) return undefined;
        const file = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Reflect: writing the review' }, () =>
          writeReview(period!, services, journal),
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
