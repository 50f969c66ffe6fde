import { randomBytes } from 'node:crypto';
import { Dirent, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isInsideOrEqual, realpathOr } from '../toolkit/paths';
import { describeFsError, FileLockOptions, withFileLock } from './fileLock';

export { describeFsError } from './fileLock';

export const ENTRIES_FOLDER = 'entries';

export class JournalFolderError extends Error {
  constructor(
    readonly folder: string,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`${folder}: ${reason}`, options);
  }
}

/**
 * An OS error while writing `target`, in words that name the file, the cause and what became of
 * the file ("the disk is full, so 2026-11-25-end-of-day.md was left as it was"). Errors of our own
 * (no `code`) pass through, and so does a file that is gone (ENOENT), which is no folder's fault.
 */
function writeError(target: string, err: unknown, outcome: string): unknown {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || code === 'ENOENT') return err;
  return new JournalFolderError(path.dirname(target), `${describeFsError(err)}, so ${path.basename(target)} ${outcome}`, { cause: err });
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
/** Deeper than this, a folder to create is a mistake in the setting, not a journal. */
const MAX_NEW_LEVELS = 32;

/**
 * Creates `folder` and its missing parents, one level at a time. Not `mkdir -p`: Node's recursive
 * mkdir loops forever where a level can never be created (under /proc); here each level is tried
 * once and its error names the folder.
 */
export async function ensureFolder(folder: string): Promise<void> {
  const missing: string[] = [];
  let at = path.resolve(folder);
  try {
    for (;;) {
      const stat = await fs.stat(at).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return undefined;
        throw err;
      });
      if (stat) {
        if (!stat.isDirectory()) throw Object.assign(new Error(`${at} is not a folder`), { code: 'ENOTDIR' });
        break;
      }
      missing.push(at);
      const parent = path.dirname(at);
      if (parent === at || missing.length > MAX_NEW_LEVELS) throw Object.assign(new Error(`${folder} is not under any existing folder`), { code: 'ENOENT' });
      at = parent;
    }
    for (const level of missing.reverse()) {
      await fs.mkdir(level).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'EEXIST') return;
        // Its parent exists, yet "no such file": a file system that takes no new folders (/proc, /sys).
        if (err.code === 'ENOENT') throw new Error(`the file system at ${path.dirname(level)} does not take new folders`);
        throw err;
      });
    }
  } catch (err) {
    throw new JournalFolderError(folder, describeFsError(err));
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
      // File systems without hard links (FAT, some shares): claim the name with an exclusive
      // create, then rename the full text over our own empty placeholder.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw err;
      try {
        await (await fs.open(target, 'wx')).close();
      } catch (claim) {
        if ((claim as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
        throw claim;
      }
      try {
        await fs.rename(temp, target);
      } catch (swap) {
        // Never leave our empty placeholder behind: it would read as an existing, blank entry.
        if ((await fs.stat(target).catch(() => undefined))?.size === 0) await fs.rm(target, { force: true });
        throw swap;
      }
    }
    return 'created';
  } catch (err) {
    throw new JournalFolderError(folder, `${describeFsError(err)}, so ${path.basename(target)} was not created`, { cause: err });
  } finally {
    if (temp) await fs.rm(temp, { force: true });
  }
}

/** Writes `content` to a new, uniquely named, synced temp file in `target`'s folder; returns its path. */
async function writeTempBeside(target: string, content: string, mode?: number): Promise<string> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx', mode);
  try {
    try {
      // The process umask narrows the mode given to open; a rewritten file keeps exactly its old one.
      if (mode !== undefined) await handle.chmod(mode);
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (err) {
    // A full disk fails mid-write: the partial temp file must not stay in the journal, holding space.
    await fs.rm(temp, { force: true });
    throw err;
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

/** Why Reflect would not write a file: it is a link, or its folder leads outside the journal. */
export class UnsafeWriteError extends Error {}

export interface RewriteOptions extends FileLockOptions {
  /** The journal folder: the file's real folder must lie inside its real path. */
  root?: string;
}

/**
 * Changes a file under its cross-process lock: reads it, applies `change`, writes the result to a
 * temp file beside it (same permissions) and renames it over the file, only if the file still holds
 * the text that was read (a program outside Reflect may write too; then it reads again, up to three
 * times). Never writes through a symlink or outside `root`. 'unchanged' when `change` returns undefined.
 */
export async function rewriteFile(target: string, change: (text: string) => string | undefined, options: RewriteOptions = {}): Promise<'saved' | 'unchanged'> {
  return withFileLock(
    target,
    async () => {
      try {
        await assertWritable(target, options.root);
        return await replaceUnlessChanged(target, change);
      } catch (err) {
        throw writeError(target, err, 'was left as it was');
      }
    },
    options,
  );
}

async function replaceUnlessChanged(target: string, change: (text: string) => string | undefined): Promise<'saved' | 'unchanged'> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const before = await fs.readFile(target, 'utf8');
    const next = change(before);
    if (next === undefined) return 'unchanged';
    const { mode } = await fs.stat(target);
    let temp: string | undefined;
    try {
      temp = await writeTempBeside(target, next, mode & 0o7777);
      if ((await fs.readFile(target, 'utf8')) !== before) continue;
      await fs.rename(temp, target);
      temp = undefined;
      return 'saved';
    } finally {
      if (temp) await fs.rm(temp, { force: true });
    }
  }
  throw new JournalFolderError(path.dirname(target), `${path.basename(target)} kept changing while Reflect tried to write to it; nothing was written`);
}

/** A link is never written through, and a folder that leads outside the journal is never written in. */
async function assertWritable(target: string, root: string | undefined): Promise<void> {
  const stat = await fs.lstat(target);
  if (stat.isSymbolicLink()) throw new UnsafeWriteError(`${target} is a link; Reflect does not write through links in the journal.`);
  if (!stat.isFile()) throw new UnsafeWriteError(`${target} is not a regular file.`);
  // Read-only is the user's (or their sync tool's) word that the file must not change: a rename would replace it anyway.
  if ((stat.mode & 0o222) === 0) throw new UnsafeWriteError(`${target} is read-only; Reflect leaves it as it is. Make it writable to add to it.`);
  if (root) {
    const [realRoot, realFolder] = await Promise.all([realpathOr(root), realpathOr(path.dirname(target))]);
    if (!isInsideOrEqual(realFolder, realRoot)) throw new UnsafeWriteError(`${target} lies in a folder that links outside the journal (${realFolder}); nothing was written.`);
  }
}

export async function listMarkdown(dir: string, links?: string[]): Promise<string[]> {
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
        // A link in the journal is never followed: it may lead anywhere (a key, another folder),
        // and a pull or a synced folder can plant one. The caller says which were skipped.
        if (c.isSymbolicLink()) links?.push(p);
        else if (c.isDirectory()) await walk(p);
        else if (c.isFile() && c.name.toLowerCase().endsWith('.md')) out.push(p);
      }),
    );
  };
  await walk(dir);
  links?.sort();
  return out.sort();
}
