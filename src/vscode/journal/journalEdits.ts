import * as vscode from 'vscode';
import { applyLineEdit, EditOutcome, LineEdit } from '../../core/journal/entryEdits';
import { rewriteFile } from '../../core/journal/journalFiles';
import { KeyedSequencer } from '../../core/toolkit/async';
import { realpathOr } from '../../core/toolkit/paths';
import { journalFolderOf, readSettings } from '../settings';

/** One writer per file in this window: a capture and an energy click on the same entry never interleave. */
const writes = new KeyedSequencer();

/**
 * Applies a one-line change to a journal file. If the file is open in an editor the change goes
 * through the editor (a WorkspaceEdit), so unsaved text is never clobbered; a clean document is
 * saved afterwards, a dirty one is left for the user to save. Otherwise the file is replaced
 * atomically, and only if nobody changed it since it was read. 'unchanged' when `makeEdit` finds
 * nothing to do.
 */
export function editJournalFile(file: string, makeEdit: (text: string) => LineEdit | undefined): Promise<EditOutcome> {
  return writes.queue(file, () => applyEdit(file, makeEdit));
}

/** The open document of `file`, also when it was opened through another path to it (a symlinked journal). */
async function openDocument(file: string): Promise<vscode.TextDocument | undefined> {
  const documents = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file');
  const exact = documents.find((d) => d.uri.fsPath === vscode.Uri.file(file).fsPath);
  if (exact) return exact;
  const real = await realpathOr(file);
  for (const d of documents) if ((await realpathOr(d.uri.fsPath)) === real) return d;
  return undefined;
}

async function applyEdit(file: string, makeEdit: (text: string) => LineEdit | undefined): Promise<EditOutcome> {
  const open = await openDocument(file);
  if (open) {
    const { uri } = open;
    const edit = makeEdit(open.getText());
    if (!edit) return 'unchanged';
    const eol = open.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    const text = edit.text.split('\n').join(eol);
    const change = new vscode.WorkspaceEdit();
    if (edit.mode === 'replace') change.replace(uri, open.lineAt(edit.line).range, text);
    else if (edit.line < open.lineCount) change.insert(uri, new vscode.Position(edit.line, 0), text + eol);
    else change.insert(uri, open.lineAt(open.lineCount - 1).range.end, eol + text);
    const wasDirty = open.isDirty;
    if (!(await vscode.workspace.applyEdit(change))) throw new Error(`VS Code refused the edit to ${file}`);
    if (wasDirty) return 'unsaved';
    // A save that fails (the file changed on disk, or is read-only) leaves the change in the editor.
    return (await open.save()) ? 'saved' : 'unsaved';
  }
  // Never through a link, never in a folder that leads outside the journal.
  const root = journalFolderOf(readSettings());
  return rewriteFile(
    file,
    (text) => {
      const edit = makeEdit(text);
      return edit ? applyLineEdit(text, edit) : undefined;
    },
    { root },
  );
}
