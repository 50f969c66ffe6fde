import * as path from 'node:path';
import * as vscode from 'vscode';
import { appendGoalEdit, GOALS_FILE, markGoalDoneEdit, newGoalsFile, parseGoals } from '../../core/growth/goals';
import { GoalStatus } from '../../core/growth/growthView';
import { addBulletEdit } from '../../core/journal/entryEdits';
import { createFileExclusive, pathExists } from '../../core/journal/journalFiles';
import { builtInTemplate } from '../../core/retro/retroTemplates';
import { parseIsoDate } from '../../core/toolkit/localDates';
import { captureBullet, CaptureKind, CAPTURES } from '../../shared/noteKinds';
import { plural } from '../../shared/text';
import { CommandId } from '../ids';
import { editJournalFile } from '../journal/journalEdits';
import { showJournalError } from '../journal/journalErrors';
import { startTodaysRetro } from '../retro/todaysRetro';
import { Services } from '../services';
import { journalFolderOf, readSettings } from '../settings';

/**
 * Adds one bullet under the capture kind's heading in today's end-of-day entry, creating the entry
 * from the end-of-day template first if needed. Resolves to the entry's path.
 */
export async function captureToToday(kind: CaptureKind, bullet: string, services: Services): Promise<string> {
  const { path: file } = await startTodaysRetro(builtInTemplate('end-of-day')!, readSettings(), services);
  await editJournalFile(file, (text) => addBulletEdit(text, CAPTURES[kind].section, captureBullet(kind, bullet)));
  return file;
}

interface CaptureCommand {
  command: string;
  kind: CaptureKind;
  prompt: string;
  placeHolder: string;
  /** The noun in its title and messages, when the kind's menu label is not one ("Helped"). */
  noun?: string;
}

/** The palette's capture commands; kinds, sections and labels come from the note vocabulary. */
const CAPTURE_COMMANDS: CaptureCommand[] = [
  { command: CommandId.addWin, kind: 'win', prompt: 'A win, however small', placeHolder: 'Unblocked the release by fixing the flaky test' },
  { command: CommandId.addFeedback, kind: 'feedback', prompt: 'Feedback you got or asked for, as it was said', placeHolder: 'The design doc was clear; next time loop in security earlier' },
  { command: CommandId.addLesson, kind: 'lesson', prompt: 'Something you learned', placeHolder: 'Retries without jitter make an outage worse' },
  { command: CommandId.addHelp, kind: 'helped', noun: 'Help', prompt: 'Someone you helped, and how: mentoring, a review, unblocking them', placeHolder: 'Paired with @sam on the flaky deploy test' },
];

/** Add Win / Feedback / Lesson / Help / Goal, Mark Goal Done, Open Goal, Rebuild Index. */
export function register(context: vscode.ExtensionContext, services: Services): void {
  for (const spec of CAPTURE_COMMANDS) {
    context.subscriptions.push(vscode.commands.registerCommand(spec.command, (text?: unknown, from?: unknown) => capture(spec, services, text, from)));
  }
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandId.addGoal, (title?: unknown, due?: unknown) => addGoal(services, title, due)),
    vscode.commands.registerCommand(CommandId.markGoalDone, (node?: { status?: GoalStatus }) => markGoalDone(services, node?.status)),
    vscode.commands.registerCommand(CommandId.openGoal, (node?: { status?: GoalStatus }) => openGoal(services, node?.status)),
    vscode.commands.registerCommand(CommandId.rebuildIndex, async () => {
      const count = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Reflect: rebuilding the journal index' }, () =>
        services.journal.rebuild(),
      );
      void vscode.window.showInformationMessage(`Reflect: index rebuilt from ${plural(count, 'entry', 'entries')}.`);
      return count;
    }),
  );
}

/** Arguments skip the input boxes (for keybindings and tests); without them, the user is asked. */
async function capture(spec: CaptureCommand, services: Services, textArg: unknown, fromArg: unknown): Promise<string | undefined> {
  const noun = spec.noun ?? CAPTURES[spec.kind].label;
  let text = typeof textArg === 'string' ? textArg : undefined;
  text ??= await vscode.window.showInputBox({
    title: `Reflect: Add ${noun}`,
    prompt: spec.prompt,
    placeHolder: spec.placeHolder,
    validateInput: (v) => (v.trim() ? undefined : `Write the ${noun.toLowerCase()}, or press Escape.`),
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
    const file = await captureToToday(spec.kind, bullet, services);
    vscode.window.setStatusBarMessage(`$(check) Reflect: ${noun.toLowerCase()} added to today's entry`, 4000);
    return file;
  } catch (err) {
    void showJournalError(err, services.log);
    return undefined;
  }
}

function goalsFile(): string {
  return path.join(journalFolderOf(readSettings()), GOALS_FILE);
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
    const file = goalsFile();
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
    const { line, title } = status.goal;
    // Only if that line still holds this goal: the file may have changed since the tree was drawn.
    const outcome = await editJournalFile(goalsFile(), (text) => (parseGoals(text).find((g) => g.line === line)?.title === title ? markGoalDoneEdit(text, line) : undefined));
    if (outcome === 'unchanged') void vscode.window.showWarningMessage(`Reflect: "${status.goal.title}" is no longer an open goal on line ${status.goal.line + 1} of goals.md; nothing was changed.`);
  } catch (err) {
    void showJournalError(err, services.log);
  }
}

async function openGoal(services: Services, status: GoalStatus | undefined): Promise<void> {
  try {
    const line = status?.goal.line ?? 0;
    await vscode.window.showTextDocument(vscode.Uri.file(goalsFile()), { selection: new vscode.Range(line, 0, line, 0), preview: false });
  } catch (err) {
    void showJournalError(err, services.log);
  }
}
