import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { applyLineEdit, EditOutcome, LineEdit } from '../../core/journal/entryEdits';
import { replaceFileAtomic } from '../../core/journal/journalFiles';
import { KeyedSequencer } from '../../core/toolkit/async';

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

async function applyEdit(file: string, makeEdit: (text: string) => LineEdit | undefined): Promise<EditOutcome> {
  const uri = vscode.Uri.file(file);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === uri.fsPath);
  if (open) {
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
    await open.save();
    return 'saved';
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    const stat = await fs.stat(file);
    const text = await fs.readFile(file, 'utf8');
    const edit = makeEdit(text);
    if (!edit) return 'unchanged';
    if (await replaceFileAtomic(file, applyLineEdit(text, edit), stat)) return 'saved';
  }
  throw new Error(`${file} kept changing while Reflect tried to add to it; nothing was written`);
}
