import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createFileExclusive, pathExists } from '../../core/journal/journalFiles';
import { latestOneOnOne, ONE_ON_ONES_FOLDER, oneOnOnePath, prepareOneOnOne } from '../../core/people/oneOnOne';
import { readJournalFile } from '../../core/people/peopleJournal';
import { canonicalPerson } from '../../core/people/peopleNames';
import { promisesIn } from '../../core/people/promises';
import { addDays, toIsoDate } from '../../core/toolkit/localDates';
import { SettingKey } from '../ids';
import { showJournalError } from '../journal/journalErrors';
import { Services } from '../services';
import { journalFolderOf, readSettings } from '../settings';

/** Without an earlier 1:1 with the person, the document covers this many days. */
const DEFAULT_DAYS = 14;

/**
 * Reflect: Prepare 1:1. Writes `<journal>/one-on-ones/<today>-<person>.md` from the entries since the
 * last 1:1 with that person (or two weeks) and opens it; run again the same day, it opens that file.
 */
export async function prepareOneOnOneCommand(services: Services, raw: unknown): Promise<string | undefined> {
  const args = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  try {
    const settings = readSettings();
    const journal = journalFolderOf(settings);
    const today = services.retroDays.today(settings.dayStartsAt);
    const todayIso = toIsoDate(today);
    const entries = await services.journal.entries();
    const data = await services.people.read(journal, entries);
    const fallback = vscode.workspace.getConfiguration().get<unknown>(SettingKey.oneOnOneWith);
    let person = typeof args.person === 'string' && args.person.trim() ? args.person.trim() : undefined;
    if (!person) {
      const names = [...new Set(data.people.people.map((p) => p.name))].sort((a, b) => a.localeCompare(b));
      const preferred = typeof fallback === 'string' && fallback.trim() ? canonicalPerson(fallback, data.people) : undefined;
      const other = '$(person-add) Someone else…';
      const items = [...(preferred ? [preferred] : []), ...names.filter((n) => n !== preferred), other];
      const picked = await vscode.window.showQuickPick(items, { title: 'Reflect: Prepare 1:1', placeHolder: 'With whom? (reflect.oneOnOne.with is offered first)' });
      if (!picked) return undefined;
      person = picked === other ? (await vscode.window.showInputBox({ title: 'Reflect: Prepare 1:1', prompt: 'With whom?', placeHolder: 'Priya' }))?.trim() : picked;
    }
    if (!person) return undefined;
    const file = oneOnOnePath(journal, person, todayIso, data.people);
    if (!(await pathExists(file))) {
      const folder = path.join(journal, ONE_ON_ONES_FOLDER);
      const names = await fs.readdir(folder).catch(() => [] as string[]);
      const last = latestOneOnOne(names, person, todayIso, data.people);
      const previous = last ? await readJournalFile(path.join(folder, last.name)) : undefined;
      const text = prepareOneOnOne({
        person,
        since: last?.date ?? toIsoDate(addDays(today, -DEFAULT_DAYS)),
        today: todayIso,
        entries,
        requests: data.requests,
        answers: data.answers,
        promises: promisesIn(entries, data.people),
        goals: await services.journal.goals(),
        notes: data.notes,
        ...(previous !== undefined ? { previous } : {}),
        people: data.people,
      });
      await createFileExclusive(file, text);
    }
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: false });
    // The cursor on the Asks, the part to fill in.
    const asks = editor.document.getText().split(/\r?\n/).findIndex((l) => l.trim() === '## Asks');
    if (asks >= 0) {
      const at = new vscode.Position(Math.min(asks + 2, editor.document.lineCount - 1), 6);
      editor.selection = new vscode.Selection(at, at);
      editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
    return file;
  } catch (err) {
    void showJournalError(err, services.log);
    return undefined;
  }
}
