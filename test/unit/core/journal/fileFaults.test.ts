// What a user's disk can refuse: permission (EACCES), a read-only file system (EROFS), a full disk
// (ENOSPC), in the journal and in the lock folder. Real files, real mounts, a real second user.
// For each: the write fails with an error naming the file and the cause, the entry is byte-for-byte
// what it was, nothing is left behind, and the next write once the fault is cleared succeeds.
// A fault this machine can't make (no root, no tmpfs, no second user) is skipped with its reason.
import * as assert from 'node:assert/strict';
import { spawnSync, SpawnSyncOptions } from 'node:child_process';
import { chmodSync, chownSync, closeSync, existsSync, ftruncateSync, fstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { addBulletEdit, applyLineEdit } from '../../../../src/core/journal/entryEdits';
import { createFileExclusive, JournalFolderError, rewriteFile } from '../../../../src/core/journal/journalFiles';
import { REPO_ROOT } from '../../fixtures';

const DAY = '2026-11-25';
const NAME = `${DAY}-end-of-day.md`;
const NEXT = '2026-11-26-end-of-day.md';
/** A long entry (over one 4 KiB page), so a nearly full disk takes part of it before it refuses the rest. */
const ENTRY = `---\ntype: end-of-day\ndate: ${DAY}\nenergy: 4\n---\n\n## What went well?\n\n- shipped the importer\n\n## Notes\n\n${Array.from({ length: 60 }, (_, n) => `- note ${n}: the migration ran against the staging copy first, then production\n`).join('')}`;
const BULLET = 'paired with Sam on the flaky test';
const NOBODY = 65534;

/** What the panel and the capture commands do to an entry: one bullet under "What went well?". */
const capture = (text: string): string => applyLineEdit(text, addBulletEdit(text, 'wentWell', BULLET));

interface Row {
  fault: string;
  where: string;
  write: string;
  lost: string;
  next: string;
  message: string;
}
const rows: Row[] = [];

/** Every file under `dir`, dot files included (a temp file is one), as sorted relative paths. */
function filesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? filesIn(path.join(dir, d.name)).map((f) => path.join(d.name, f)) : [d.name]))
    .sort();
}

/** Runs a command; its complaint when it fails, undefined when it worked. */
function run(command: string, args: string[]): string | undefined {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) return result.error.message;
  return result.status === 0 ? undefined : (result.stderr.trim().split('\n')[0] || `${command} exited with ${result.status}`);
}

/** Fills the file system holding `dir` up to `leave` free bytes with one file, which is returned. */
function fill(dir: string, leave = 0): string {
  const filler = path.join(dir, 'filler.bin');
  const fd = openSync(filler, 'w');
  const chunk = Buffer.alloc(4096, 1);
  try {
    for (;;) if (writeSync(fd, chunk) === 0) break;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  }
  if (leave > 0) ftruncateSync(fd, Math.max(0, fstatSync(fd).size - leave));
  closeSync(fd);
  return filler;
}

/** The write must fail with an error that names the file and says why; its message. */
async function refused(write: Promise<unknown>, file: string, cause: RegExp): Promise<string> {
  let message = '';
  await assert.rejects(write, (err: unknown) => {
    assert.ok(err instanceof Error);
    message = err.message;
    return true;
  });
  return named(message, file, cause);
}

function named(message: string, file: string, cause: RegExp): string {
  assert.ok(message.includes(path.basename(file)), `the error names ${path.basename(file)}: ${message}`);
  assert.match(message, cause);
  assert.doesNotMatch(message, /^E[A-Z]+:/, `not a raw system error: ${message}`);
  return message;
}

describe('file writes: the disk refuses (EACCES, EROFS, ENOSPC)', function () {
  this.timeout(60_000);
  let root = '';
  const mounts: string[] = [];

  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'reflect-faults-'));
    // Another user must reach its writer script and the journal under it.
    chmodSync(root, 0o755);
  });

  after(() => {
    for (const at of mounts.reverse()) if (run('umount', [at])) run('umount', ['-l', at]);
    if (root) rmSync(root, { recursive: true, force: true });
    if (rows.length === 0) return;
    console.log('\n      fault   | injected                                    | write               | lost                            | next write');
    for (const r of rows) {
      if (!r.write) {
        console.log(`      ${r.fault.padEnd(7)} | ${r.where}`);
        continue;
      }
      console.log(`      ${r.fault.padEnd(7)} | ${r.where.padEnd(43)} | ${r.write.padEnd(19)} | ${r.lost.padEnd(31)} | ${r.next}`);
      if (r.message) console.log(`              told: ${r.message}`);
    }
  });

  /** A small tmpfs at a new folder, or why there can't be one here. */
  function mount(name: string, size: string): { at: string } | { reason: string } {
    const at = path.join(root, name);
    mkdirSync(at);
    if (process.platform !== 'linux') return { reason: 'tmpfs mounts need Linux' };
    const failed = run('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', at]);
    if (failed) return { reason: `mount -t tmpfs failed (${failed}); it needs root or CAP_SYS_ADMIN` };
    mounts.push(at);
    return { at };
  }

  function skip(ctx: Mocha.Context, fault: string, reason: string): never {
    console.log(`      skipped ${fault}: ${reason}`);
    rows.push({ fault, where: `skipped: ${reason}`, write: '', lost: '', next: '', message: '' });
    ctx.skip();
  }

  /** A journal with today's entry in `entries/2026`, under `base`; the entry's path. */
  function journal(base: string): { folder: string; entry: string; year: string } {
    const folder = path.join(base, 'journal');
    const year = path.join(folder, 'entries', '2026');
    mkdirSync(year, { recursive: true });
    const entry = path.join(year, NAME);
    writeFileSync(entry, ENTRY);
    return { folder, entry, year };
  }

  it('EROFS: a journal on a read-only file system keeps every entry as it was; the next write works once it is writable again', async function () {
    const mounted = mount('ro', '1m');
    if ('reason' in mounted) skip(this, 'EROFS', mounted.reason);
    const { folder, entry, year } = journal(mounted.at);
    const locks = path.join(root, 'locks-ro');
    const failed = run('mount', ['-o', 'remount,ro', mounted.at]);
    if (failed) skip(this, 'EROFS', `remount,ro failed (${failed})`);
    const before = filesIn(folder);

    const captureMessage = await refused(rewriteFile(entry, capture, { folder: locks }), entry, /read-only/);
    assert.equal(readFileSync(entry, 'utf8'), ENTRY);
    const createMessage = await refused(createFileExclusive(path.join(year, NEXT), ENTRY), path.join(year, NEXT), /read-only/);
    // A new year's folder can't be made either; the error names that folder.
    await assert.rejects(createFileExclusive(path.join(folder, 'entries', '2027', '2027-01-04-end-of-day.md'), ENTRY), (err: unknown) => err instanceof JournalFolderError && /2027/.test(err.message) && /read-only/.test(err.reason));
    assert.deepEqual(filesIn(folder), before, 'nothing new in the journal');
    assert.deepEqual(readdirSync(locks), [], 'no lock left behind');

    assert.equal(run('mount', ['-o', 'remount,rw', mounted.at]), undefined);
    assert.equal(await rewriteFile(entry, capture, { folder: locks }), 'saved');
    assert.equal(readFileSync(entry, 'utf8'), capture(ENTRY));
    assert.equal(await createFileExclusive(path.join(year, NEXT), ENTRY), 'created');
    rows.push({ fault: 'EROFS', where: 'journal on a tmpfs remounted read-only', write: 'capture', lost: 'nothing: entry intact, no temp', next: 'saved', message: captureMessage });
    rows.push({ fault: 'EROFS', where: 'same', write: 'start a retro', lost: 'nothing: no file, no temp', next: 'created', message: createMessage });
  });

  it('ENOSPC: a full disk never leaves a partial entry, an empty one or a temp file; the next write works once there is room', async function () {
    const mounted = mount('full', '64k');
    if ('reason' in mounted) skip(this, 'ENOSPC', mounted.reason);
    const { folder, entry, year } = journal(mounted.at);
    const locks = path.join(root, 'locks-full');
    // One page free: the new text starts to fit, then the disk refuses the rest mid-write.
    const filler = fill(mounted.at, 4096);
    const before = filesIn(folder);

    const captureMessage = await refused(rewriteFile(entry, capture, { folder: locks }), entry, /disk is full/);
    assert.equal(readFileSync(entry, 'utf8'), ENTRY, 'the entry is byte-for-byte what it was');
    assert.deepEqual(filesIn(folder), before, 'no temp file left in the journal');
    const createMessage = await refused(createFileExclusive(path.join(year, NEXT), ENTRY), path.join(year, NEXT), /disk is full/);
    assert.equal(existsSync(path.join(year, NEXT)), false, 'no empty or partial retro');
    assert.deepEqual(filesIn(folder), before, 'no temp file left in the journal');
    assert.deepEqual(readdirSync(locks), [], 'no lock left behind');

    rmSync(filler);
    assert.equal(await rewriteFile(entry, capture, { folder: locks }), 'saved');
    assert.equal(readFileSync(entry, 'utf8'), capture(ENTRY));
    assert.equal(await createFileExclusive(path.join(year, NEXT), ENTRY), 'created');
    assert.equal(readFileSync(path.join(year, NEXT), 'utf8'), ENTRY);
    rows.push({ fault: 'ENOSPC', where: 'journal on a 64 KiB tmpfs, 4 KiB free', write: 'capture', lost: 'nothing: entry intact, no temp', next: 'saved', message: captureMessage });
    rows.push({ fault: 'ENOSPC', where: 'same', write: 'start a retro', lost: 'nothing: no file, no temp', next: 'created', message: createMessage });
  });

  it('ENOSPC: a full lock folder (the temp folder) refuses the write cleanly and leaves no lock behind', async function () {
    const mounted = mount('locks', '64k');
    if ('reason' in mounted) skip(this, 'ENOSPC', mounted.reason);
    const { folder, entry } = journal(path.join(root, 'lock-journal'));
    const locks = path.join(mounted.at, 'reflect-locks');
    mkdirSync(locks, { mode: 0o700 });
    const filler = fill(mounted.at);
    const before = filesIn(folder);

    const message = await refused(rewriteFile(entry, capture, { folder: locks }), entry, /disk is full/);
    assert.equal(readFileSync(entry, 'utf8'), ENTRY);
    assert.deepEqual(filesIn(folder), before);
    assert.deepEqual(readdirSync(locks), [], 'no lock or half-written lock left behind');

    rmSync(filler);
    assert.equal(await rewriteFile(entry, capture, { folder: locks }), 'saved');
    assert.equal(readFileSync(entry, 'utf8'), capture(ENTRY));
    assert.deepEqual(readdirSync(locks), []);
    rows.push({ fault: 'ENOSPC', where: 'lock folder on a full 64 KiB tmpfs', write: 'capture', lost: 'nothing: entry intact, no lock', next: 'saved', message });
  });

  describe('EACCES, in a process of another user', () => {
    const root0 = process.getuid?.() === 0;
    let script = '';
    /** How the writer runs as someone who may not write the journal: uid 65534 under root, else this user with chmod. */
    const as: SpawnSyncOptions = root0 ? { uid: NOBODY, gid: NOBODY } : {};
    let why: string | undefined;

    before(() => {
      if (process.platform === 'win32') return void (why = 'POSIX permissions only');
      const source = path.join(root, 'writer.ts');
      writeFileSync(
        source,
        `import { createFileExclusive, rewriteFile } from ${JSON.stringify(path.join(REPO_ROOT, 'src/core/journal/journalFiles'))};
import { addBulletEdit, applyLineEdit } from ${JSON.stringify(path.join(REPO_ROOT, 'src/core/journal/entryEdits'))};
const [op, file, locks, text] = process.argv.slice(2);
const write = op === 'create' ? createFileExclusive(file, text) : rewriteFile(file, (t) => applyLineEdit(t, addBulletEdit(t, 'wentWell', text)), { folder: locks });
write.then((outcome) => process.stdout.write(JSON.stringify({ outcome })), (err: Error) => process.stdout.write(JSON.stringify({ error: err.message, kind: err.constructor.name })));
`,
      );
      script = path.join(root, 'writer.js');
      buildSync({ entryPoints: [source], bundle: true, platform: 'node', format: 'cjs', target: 'node16', outfile: script, logLevel: 'error' });
      const probe = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.getuid()))'], { ...as, encoding: 'utf8' });
      if (probe.error || probe.status !== 0) why = `can't start a process as uid ${NOBODY} (${probe.error?.message ?? probe.stderr})`;
    });

    function write(op: 'create' | 'capture', file: string, locks: string, text: string): { outcome?: string; error?: string; kind?: string } {
      const result = spawnSync(process.execPath, [script, op, file, locks, text], { ...as, encoding: 'utf8' });
      assert.equal(result.status, 0, `${result.stderr}`);
      return JSON.parse(String(result.stdout)) as { outcome?: string; error?: string; kind?: string };
    }

    /** A journal the writer may not change: root's 0755 folder under root, else a folder chmod 0555. */
    function lockedOut(name: string): { folder: string; entry: string; year: string; locks: string; open: () => void } {
      const { folder, entry, year } = journal(path.join(root, name));
      const locks = path.join(root, `${name}-locks`);
      mkdirSync(locks, { mode: 0o700 });
      if (root0) chownSync(locks, NOBODY, NOBODY);
      else chmodSync(year, 0o555);
      const open = (): void => {
        if (!root0) return chmodSync(year, 0o755);
        for (const p of [year, entry, ...readdirSync(year).map((f) => path.join(year, f))]) chownSync(p, NOBODY, NOBODY);
      };
      return { folder, entry, year, locks, open };
    }

    it('a folder the writer may not write: capture and a new retro are refused, nothing changes; after chown both work', function () {
      if (why) skip(this, 'EACCES', why);
      const { folder, entry, year, locks, open } = lockedOut('eacces');
      const before = filesIn(folder);
      const blocked = write('capture', entry, locks, BULLET);
      if (blocked.outcome) skip(this, 'EACCES', 'this user writes anyway (a capability overrides the permissions)');
      const captureMessage = named(String(blocked.error), entry, /permission denied/);
      assert.equal(blocked.kind, 'JournalFolderError');
      const created = write('create', path.join(year, NEXT), locks, ENTRY);
      const createMessage = named(String(created.error), path.join(year, NEXT), /permission denied/);
      assert.equal(readFileSync(entry, 'utf8'), ENTRY);
      assert.deepEqual(filesIn(folder), before);
      assert.deepEqual(readdirSync(locks), []);

      open();
      assert.deepEqual(write('capture', entry, locks, BULLET), { outcome: 'saved' });
      assert.equal(readFileSync(entry, 'utf8'), capture(ENTRY));
      assert.deepEqual(write('create', path.join(year, NEXT), locks, ENTRY), { outcome: 'created' });
      const who = root0 ? `uid ${NOBODY} in root's 0755 folder` : 'entries/2026 chmod 0555';
      rows.push({ fault: 'EACCES', where: who, write: 'capture', lost: 'nothing: entry intact, no temp', next: 'saved', message: captureMessage });
      rows.push({ fault: 'EACCES', where: 'same', write: 'start a retro', lost: 'nothing: no file, no temp', next: 'created', message: createMessage });
    });

    it('an entry the writer may not read (made with sudo): refused before anything is written; after chown it works', function () {
      if (why) skip(this, 'EACCES', why);
      const { folder, entry, locks, open } = lockedOut('private');
      // Only the entry is closed: the folder is the writer's own.
      if (root0) {
        chownSync(path.dirname(entry), NOBODY, NOBODY);
        chmodSync(entry, 0o600);
      } else {
        chmodSync(path.dirname(entry), 0o755);
        chmodSync(entry, 0o000);
      }
      const before = filesIn(folder);
      const blocked = write('capture', entry, locks, BULLET);
      if (blocked.outcome) skip(this, 'EACCES', 'this user reads anyway (a capability overrides the permissions)');
      const message = named(String(blocked.error), entry, /permission denied/);
      chmodSync(entry, 0o644);
      assert.equal(readFileSync(entry, 'utf8'), ENTRY);
      assert.deepEqual(filesIn(folder), before);
      assert.deepEqual(readdirSync(locks), []);

      open();
      assert.deepEqual(write('capture', entry, locks, BULLET), { outcome: 'saved' });
      assert.equal(readFileSync(entry, 'utf8'), capture(ENTRY));
      rows.push({ fault: 'EACCES', where: root0 ? "root's 0600 entry, writer uid 65534" : 'entry chmod 0000', write: 'capture', lost: 'nothing: entry intact', next: 'saved', message });
    });
  });
});
