import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { replaceFileAtomic } from '../core/journalFiles';
import { applyLineEdit, LineEdit } from '../core/sectionEdit';

/**
 * Applies a one-line change to a journal file. If the file is open in an editor the change goes
 * through the editor (a WorkspaceEdit), so unsaved text is never clobbered; a clean document is
 * saved afterwards, a dirty one is left for the user to save. Otherwise the file is replaced
 * atomically, and only if nobody changed it since it was read. Resolves false when `makeEdit`
 * finds nothing to do.
 */
export async function editJournalFile(file: string, makeEdit: (text: string) => LineEdit | undefined): Promise<boolean> {
  const uri = vscode.Uri.file(file);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === uri.fsPath);
  if (open) {
    const edit = makeEdit(open.getText());
    if (!edit) return false;
    const eol = open.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    const text = edit.text.split('\n').join(eol);
    const change = new vscode.WorkspaceEdit();
    if (edit.mode === 'replace') change.replace(uri, open.lineAt(edit.line).range, text);
    else if (edit.line < open.lineCount) change.insert(uri, new vscode.Position(edit.line, 0), text + eol);
    else change.insert(uri, open.lineAt(open.lineCount - 1).range.end, eol + text);
    const wasDirty = open.isDirty;
    if (!(await vscode.workspace.applyEdit(change))) throw new Error(`VS Code refused the edit to ${file}`);
    if (!wasDirty) await open.save();
    return true;
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    const stat = await fs.stat(file);
    const text = await fs.readFile(file, 'utf8');
    const edit = makeEdit(text);
    if (!edit) return false;
    if (await replaceFileAtomic(file, applyLineEdit(text, edit), stat)) return true;
  }
  throw new Error(`${file} kept changing while Reflect tried to add to it; nothing was written`);
}
