// One writer per file across processes: two VS Code windows (or a window and a CLI) that change the
// same entry take turns. The lock is a file created exclusively (O_EXCL) in the user's temp folder,
// named by the entry's real path, so it never shows in the journal or its git history. A lock left
// by a process that died is taken over; one held too long by a live process is an error, not a wait
// forever.
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { realpathOr } from '../toolkit/paths';
import { KeyedSequencer, sleep } from '../toolkit/async';

export interface FileLockOptions {
  /** Where lock files live; the user's temp folder by default. */
  folder?: string;
  /** How long to wait for another writer before giving up. */
  waitMs?: number;
  /** A lock older than this is stale even if its process seems alive (a pid can be reused). */
  staleMs?: number;
}

/** Another process kept the file locked for longer than Reflect waits. */
export class FileLockedError extends Error {
  constructor(
    readonly file: string,
    readonly holder: string,
  ) {
    super(`${file} is being written by another process (${holder}); nothing was written. Try again in a moment.`);
  }
}

/**
 * The lock folder refused the lock (a full or read-only temp folder, no permission): a different
 * fault from the journal's own folder, so the message says where, and that the file is as it was.
 */
export class LockFolderError extends Error {
  constructor(
    readonly file: string,
    readonly folder: string,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`${file} was left as it was: its lock can't be written in ${folder} (${reason}).`, options);
  }
}

/** An OS error in words a user can act on; the OS's own message for the rare ones. */
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

/** Per user, so one user's locks never block another's (a shared /tmp). */
const DEFAULT_FOLDER = path.join(os.tmpdir(), `reflect-locks-${process.getuid?.() ?? 'user'}`);
const WAIT_MS = 10_000;
const STALE_MS = 30_000;

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Where the lock of `file` lives: named by the file's real path, so every path to it shares one lock. */
export async function lockFileOf(file: string, folder = DEFAULT_FOLDER): Promise<string> {
  const real = await realpathOr(file);
  return path.join(folder, `${createHash('sha256').update(real).digest('hex').slice(0, 32)}.lock`);
}

/**
 * Removes a stale lock, one breaker at a time (a second lock file, `.break`): the breaker reads the
 * lock again and removes it only if it is still the stale one it saw, so two writers that both
 * found it stale never remove a fresh lock taken in between. True when the way is clear.
 */
async function breakStale(lock: string, seen: string, staleMs: number): Promise<boolean> {
  const breaker = `${lock}.break`;
  if (!(await tryCreate(breaker, `${process.pid} ${Date.now()} break`))) {
    // Another writer is breaking it; or a breaker died here: its file goes once it is old.
    const other = await fs.readFile(breaker, 'utf8').catch(() => undefined);
    if (other !== undefined && (await isStale(breaker, other, staleMs))) await fs.rm(breaker, { force: true });
    return false;
  }
  try {
    const now = await fs.readFile(lock, 'utf8').catch(() => undefined);
    if (now !== seen) return now === undefined;
    await fs.unlink(lock);
    return true;
  } catch {
    return false;
  } finally {
    await fs.rm(breaker, { force: true });
  }
}

/**
 * The lock folder must be a private folder of this user: in a shared temp folder another user
 * could create it first, open to all, and plant locks there.
 */
async function privateFolder(folder: string): Promise<void> {
  await fs.mkdir(folder, { recursive: true, mode: 0o700 });
  const stat = await fs.lstat(folder);
  const uid = process.getuid?.();
  if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid)) {
    throw new Error(`Reflect's lock folder ${folder} is not a folder of yours; remove it and try again.`);
  }
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) await fs.chmod(folder, 0o700);
}

/**
 * Whether a lock's holder is gone: its process no longer runs, or it is older than `staleMs` (a
 * pid can be reused), or it claims a time in the future. A lock without a readable pid and time is
 * one being created on a file system without links; it is stale once the file itself is old.
 */
async function isStale(lock: string, seen: string, staleMs: number): Promise<boolean> {
  const [pid, since] = seen.split(' ').map(Number);
  const now = Date.now();
  if (Number.isInteger(pid) && Number.isFinite(since)) return !alive(pid) || now - since >= staleMs || since > now + staleMs;
  const written = await fs.stat(lock).then((s) => s.mtimeMs).catch(() => now);
  return now - written >= staleMs;
}

/**
 * Creates the lock with its whole content at once: written to a temp file, then linked into place
 * (a link fails if the lock exists), so nobody ever reads a half-written lock. Without hard links,
 * an exclusive create.
 */
async function tryCreate(lock: string, content: string): Promise<boolean> {
  const temp = `${lock}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    // Inside the try: a full disk fails mid-write, and the half-written temp file must go too.
    await fs.writeFile(temp, content, { mode: 0o600 });
    await fs.link(temp, lock);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw err;
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(lock, 'wx', 0o600);
    } catch (create) {
      if ((create as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw create;
    }
    try {
      await handle.writeFile(content);
      await handle.close();
      return true;
    } catch (write) {
      // Ours, but unreadable: it would block every writer until it is stale. Remove it.
      await handle.close().catch(() => undefined);
      await fs.rm(lock, { force: true });
      throw write;
    }
  } finally {
    await fs.rm(temp, { force: true });
  }
}

/** Writers in this process queue here, so only one of them at a time contends for the file's lock. */
const local = new KeyedSequencer();

/** Runs `work` while holding the lock of `file`; the lock is released however `work` ends. */
export async function withFileLock<T>(file: string, work: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const folder = options.folder ?? DEFAULT_FOLDER;
  const lock = await lockFileOf(file, folder);
  return local.queue(lock, () => holding(lock, folder, file, work, options));
}

async function holding<T>(lock: string, folder: string, file: string, work: () => Promise<T>, options: FileLockOptions): Promise<T> {
  const mine = `${process.pid} ${Date.now()} ${randomBytes(4).toString('hex')}`;
  try {
    await acquire(lock, folder, file, mine, options);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (typeof code !== 'string') throw err;
    throw new LockFolderError(file, folder, describeFsError(err), { cause: err });
  }
  try {
    return await work();
  } finally {
    // Only our own lock: if it was taken over as stale meanwhile, the new holder's stays.
    if ((await fs.readFile(lock, 'utf8').catch(() => '')) === mine) await fs.rm(lock, { force: true });
  }
}

/** Waits until `lock` holds `mine`, breaking stale locks on the way; FileLockedError when it waited too long. */
async function acquire(lock: string, folder: string, file: string, mine: string, options: FileLockOptions): Promise<void> {
  const waitMs = options.waitMs ?? WAIT_MS;
  const staleMs = options.staleMs ?? STALE_MS;
  await privateFolder(folder);
  const deadline = Date.now() + waitMs;
  let pause = 2;
  for (;;) {
    if (await tryCreate(lock, mine)) return;
    let seen: string;
    try {
      seen = await fs.readFile(lock, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // released between our two calls
      seen = ''; // unreadable: judged by its age below
    }
    // Broken: try again at once. A stale lock that can't be removed waits like a live one.
    if ((await isStale(lock, seen, staleMs)) && (await breakStale(lock, seen, staleMs))) continue;
    if (Date.now() > deadline) throw new FileLockedError(file, `pid ${seen.split(' ')[0] || 'unknown'}`);
    await sleep(pause + Math.random() * pause);
    pause = Math.min(pause * 2, 50);
  }
}
