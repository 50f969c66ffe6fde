import * as path from 'node:path';
import { relativeInside } from '../toolkit/paths';

/**
 * The absolute path of a journal file named relative to `journalFolder`, or undefined unless it
 * resolves strictly inside the folder and ends in `.md`. Every read or write the journal panel
 * makes goes through this, after the name was found in the index.
 */
export function resolveJournalFile(journalFolder: string, relativePath: string): string | undefined {
  if (relativePath.includes('\0') || path.isAbsolute(relativePath) || path.win32.isAbsolute(relativePath)) return undefined;
  return insideJournal(journalFolder, path.resolve(journalFolder, relativePath));
}

/** `file` itself when it is a `.md` file strictly inside `journalFolder`; otherwise undefined. */
export function insideJournal(journalFolder: string, file: string): string | undefined {
  const target = path.resolve(file);
  return relativeInside(journalFolder, target) !== undefined && target.toLowerCase().endsWith('.md') ? target : undefined;
}
