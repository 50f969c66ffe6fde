import { randomBytes } from 'node:crypto';
import { Dirent, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ENTRIES_FOLDER = 'entries';

export class JournalFolderError extends Error {
  constructor(
    readonly folder: string,
    readonly reason: string,
  ) {
    super(`${folder}: ${reason}`);
  }
}

/**
 * Expands `~` and `${workspaceFolder}` in the journal folder setting and makes it absolute.
 * Throws JournalFolderError when it names a workspace folder but none is open, or is relative.
 */
export function resolveJournalFolder(setting: string, options: { home?: string; workspaceFolder?: string } = {}): string {
  const home = options.home ?? os.homedir();
  let value = setting.trim() || '~/reflect-journal';
  if (value.includes('${workspaceFolder}')) {
    if (!options.workspaceFolder) throw new JournalFolderError(value, '${workspaceFolder} is used but no folder is open');
    value = value.split('${workspaceFolder}').join(options.workspaceFolder);
  }
  if (value === '~' || value.startsWith('~/') || value.startsWith('~\\')) value = path.join(home, value.slice(1));
  if (!path.isAbsolute(value)) throw new JournalFolderError(value, 'it is not an absolute path (start it with ~, / or ${workspaceFolder})');
  return path.normalize(value);
}

/** `entries/YYYY/YYYY-MM-DD-<type>.md` inside the journal. */
export function entryPath(journalFolder: string, isoDate: string, type: string): string {
  return path.join(journalFolder, ENTRIES_FOLDER, isoDate.slice(0, 4), `${isoDate}-${type}.md`);
}

const ENTRY_NAME = /^(\d{4}-\d{2}-\d{2})-([a-z0-9][a-z0-9-]*)\.md$/;

/** Date and type from an entry's file name, or undefined for other files. */
export function parseEntryName(fileName: string): { date: string; type: string } | undefined {
  const m = ENTRY_NAME.exec(fileName);
  return m ? { date: m[1], type: m[2] } : undefined;
}

/** Creates the folder (and parents), turning OS errors into a JournalFolderError a user can act on. */
export async function ensureFolder(folder: string): Promise<void> {
  try {
    await fs.mkdir(folder, { recursive: true });
  } catch (err) {
    throw new JournalFolderError(folder, describeFsError(err));
  }
}

export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'part of the path is a file, not a folder';
    case 'ENOSPC':
      return 'the disk is full';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

/**
 * Writes `content` to `target` only if `target` does not exist: the text goes to a temp file in
 * the same folder first, then is linked into place, which fails atomically if someone else's file
 * is already there. A reader never sees a half-written entry and a user's file is never replaced.
 */
export async function createFileExclusive(target: string, content: string): Promise<'created' | 'exists'> {
  const folder = path.dirname(target);
  await ensureFolder(folder);
  if (await pathExists(target)) return 'exists';
  let temp: string | undefined;
  try {
    temp = await writeTempBeside(target, content);
    try {
      await fs.link(temp, target);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return 'exists';
      // File systems without hard links: rename is still atomic; the check above guards the rest.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw err;
      if (await pathExists(target)) return 'exists';
      await fs.rename(temp, target);
    }
    return 'created';
  } catch (err) {
    throw new JournalFolderError(folder, describeFsError(err));
  } finally {
    if (temp) await fs.rm(temp, { force: true });
  }
}

/** Writes `content` to a new, uniquely named, synced temp file in `target`'s folder; returns its path. */
async function writeTempBeside(target: string, content: string): Promise<string> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx');
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  return temp;
}

export async function pathExists(p: string): Promise<boolean> {
  try {
    await fs.lstat(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Replaces `target` with `content` atomically (temp file + rename in the same folder), but only
 * if the file is still the version that was read (`expected` mtime and size): a change made in
 * between, by the user or another window, is never clobbered. Resolves false in that case.
 */
export async function replaceFileAtomic(target: string, content: string, expected: { mtimeMs: number; size: number }): Promise<boolean> {
  const folder = path.dirname(target);
  let temp: string | undefined;
  try {
    temp = await writeTempBeside(target, content);
    const now = await fs.stat(target).catch(() => undefined);
    if (!now || now.mtimeMs !== expected.mtimeMs || now.size !== expected.size) return false;
    await fs.rename(temp, target);
    return true;
  } catch (err) {
    throw new JournalFolderError(folder, describeFsError(err));
  } finally {
    if (temp) await fs.rm(temp, { force: true });
  }
}

/** Every `*.md` below `dir` (not following symlinked folders, skipping dot folders). */
export async function listMarkdown(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    let children: Dirent[];
    try {
      children = await fs.readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    await Promise.all(
      children.map(async (c) => {
        if (c.name.startsWith('.')) return;
        const p = path.join(d, c.name);
        if (c.isDirectory()) await walk(p);
        else if ((c.isFile() || c.isSymbolicLink()) && c.name.toLowerCase().endsWith('.md')) out.push(p);
      }),
    );
  };
  await walk(dir);
  return out.sort();
}
