import * as path from 'node:path';
import * as vscode from 'vscode';
import { appendGoalEdit, GOALS_FILE, markGoalDoneEdit, newGoalsFile, parseGoals } from '../core/goals';
import { GoalStatus } from '../core/growthView';
import { createFileExclusive, pathExists } from '../core/journalFiles';
import { parseIsoDate } from '../core/localDates';
import { SectionKind } from '../core/retroSections';
import { builtInTemplate } from '../core/retroTemplates';
import { addBulletEdit } from '../core/sectionEdit';
import { startRetro } from '../core/startRetro';
import { editJournalFile } from './journalEdits';
import { CommandId } from './ids';
import { journalFolderPath, showJournalError } from './journalFolder';
import { JournalService } from './journalService';
import { retroMoment } from './retroCalendar';
import { retroRequest } from './retroRequest';
import { Services } from './services';
import { readSettings } from './settings';

/**
 * Adds one bullet under `kind`'s heading in today's end-of-day entry, creating the entry from the
 * end-of-day template first if needed. Resolves to the entry's path.
 */
export async function captureToToday(kind: SectionKind, bullet: string, services: Services, journal: JournalService): Promise<string> {
  const folder = journalFolderPath();
  const template = builtInTemplate('end-of-day')!;
  const settings = readSettings();
  const moment = await retroMoment(template, services.clock.now(), settings, journal);
  const { path: file } = await startRetro(retroRequest(folder, template, settings, services, moment));
  await editJournalFile(file, (text) => addBulletEdit(text, kind, bullet));
  return file;
}

interface CaptureSpec {
  command: string;
  kind: SectionKind;
  noun: string;
  prompt: string;
  placeHolder: string;
}

const CAPTURES: CaptureSpec[] = [
  { command: CommandId.addWin, kind: 'wentWell', noun: 'win', prompt: 'A win, however small', placeHolder: 'Unblocked the release by fixing the flaky test' },
  { command: CommandId.addFeedback, kind: 'feedback', noun: 'feedback', prompt: 'Feedback you got or asked for, as it was said', placeHolder: 'The design doc was clear; next time loop in security earlier' },
  { command: CommandId.addLesson, kind: 'learned', noun: 'lesson', prompt: 'Something you learned', placeHolder: 'Retries without jitter make an outage worse' },
];

/** Add Win / Feedback / Lesson / Goal, Mark Goal Done, Open Goal, Rebuild Index. */
export function register(context: vscode.ExtensionContext, services: Services, journal: JournalService): void {
  for (const spec of CAPTURES) {
    context.subscriptions.push(vscode.commands.registerCommand(spec.command, (text?: unknown, from?: unknown) => capture(spec, services, journal, text, from)));
  }
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandId.addGoal, (title?: unknown, due?: unknown) => addGoal(services, title, due)),
    vscode.commands.registerCommand(CommandId.markGoalDone, (node?: { status?: GoalStatus }) => markGoalDone(services, node?.status)),
    vscode.commands.registerCommand(CommandId.openGoal, (node?: { status?: GoalStatus }) => openGoal(services, node?.status)),
    vscode.commands.registerCommand(CommandId.rebuildIndex, async () => {
      const count = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Reflect: rebuilding the journal index' },
        () => journal.rebuild(),
      );
      void vscode.window.showInformationMessage(`Reflect: index rebuilt from ${count} ${count === 1 ? 'entry' : 'entries'}.`);
      return count;
    }),
  );
}

/** Arguments skip the input boxes (for keybindings and tests); without them, the user is asked. */
async function capture(spec: CaptureSpec, services: Services, journal: JournalService, textArg: unknown, fromArg: unknown): Promise<string | undefined> {
  let text = typeof textArg === 'string' ? textArg : undefined;
  text ??= await vscode.window.showInputBox({
    title: `Reflect: Add ${spec.noun[0].toUpperCase()}${spec.noun.slice(1)}`,
    prompt: spec.prompt,
    placeHolder: spec.placeHolder,
    validateInput: (v) => (v.trim() ? undefined : `Write the ${spec.noun}, or press Escape.`),
  });
  if (!text?.trim()) return undefined;
  let from = typeof fromArg === 'string' ? fromArg : undefined;
  if (spec.kind === 'feedback' && typeof textArg !== 'string') {
    from = await vscode.window.showInputBox({
      title: 'Reflect: Add Feedback',
      prompt: 'Who was it from? (optional: press Enter to skip)',
      placeHolder: 'Ana, my tech lead',
    });
    if (from === undefined) return undefined; // Escape cancels the whole capture
  }
  const bullet = spec.kind === 'feedback' && from?.trim() ? `From ${from.trim()}: ${text.trim()}` : text.trim();
  try {
    const file = await captureToToday(spec.kind, bullet, services, journal);
    vscode.window.setStatusBarMessage(`$(check) Reflect: ${spec.noun} added to today's entry`, 4000);
    return file;
  } catch (err) {
    void showJournalError(err, services.log);
    return undefined;
  }
}

async function addGoal(services: Services, titleArg: unknown, dueArg: unknown): Promise<string | undefined> {
  let title = typeof titleArg === 'string' ? titleArg : undefined;
  title ??= await vscode.window.showInputBox({
    title: 'Reflect: Add Goal',
    prompt: 'A goal you are working toward (add #tags to group it)',
    placeHolder: 'Give a talk at the internal tech day #speaking',
    validateInput: (v) => (v.trim() ? undefined : 'Write the goal, or press Escape.'),
  });
  if (!title?.trim()) return undefined;
  let due = typeof dueArg === 'string' ? dueArg : undefined;
  if (typeof titleArg !== 'string') {
    due = await vscode.window.showInputBox({
      title: 'Reflect: Add Goal',
      prompt: 'Due date, YYYY-MM-DD (optional: press Enter to skip)',
      validateInput: (v) => (!v.trim() || parseIsoDate(v) ? undefined : 'A date like 2027-03-31, or leave it empty.'),
    });
    if (due === undefined) return undefined;
  }
  due = due?.trim() || undefined;
  try {
    const file = path.join(journalFolderPath(), GOALS_FILE);
    if (!(await pathExists(file)) && (await createFileExclusive(file, newGoalsFile(title, due))) === 'created') return file;
    await editJournalFile(file, (text) => appendGoalEdit(text, title!, due));
    return file;
  } catch (err) {
    void showJournalError(err, services.log);
    return undefined;
  }
}

async function markGoalDone(services: Services, status: GoalStatus | undefined): Promise<void> {
  if (!status) return;
  try {
    const file = path.join(journalFolderPath(), GOALS_FILE);
    const { line, title } = status.goal;
    // Only if that line still holds this goal: the file may have changed since the tree was drawn.
    const done = await editJournalFile(file, (text) => (parseGoals(text).find((g) => g.line === line)?.title === title ? markGoalDoneEdit(text, line) : undefined));
    if (!done) void vscode.window.showWarningMessage(`Reflect: "${status.goal.title}" is no longer an open goal on line ${status.goal.line + 1} of goals.md; nothing was changed.`);
  } catch (err) {
    void showJournalError(err, services.log);
  }
}

async function openGoal(services: Services, status: GoalStatus | undefined): Promise<void> {
  try {
    const file = vscode.Uri.file(path.join(journalFolderPath(), GOALS_FILE));
    const line = status?.goal.line ?? 0;
    await vscode.window.showTextDocument(file, { selection: new vscode.Range(line, 0, line, 0), preview: false });
  } catch (err) {
    void showJournalError(err, services.log);
  }
}
