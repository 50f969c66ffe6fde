// Never lose a line: writers in one process and in many, writers killed mid-write, a program outside
// Reflect writing between read and rename, links planted in the journal, private files. Real files
// and real processes; each test prints what it injected and what was lost.
// FAULTS=10000 npm run test:unit -- --grep "never lose" runs the long version.
import * as assert from 'node:assert/strict';
import { ChildProcess, fork, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, PathLike, promises as fsp, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { lockFileOf, withFileLock } from '../../../../src/core/journal/fileLock';
import { rewriteFile, UnsafeWriteError } from '../../../../src/core/journal/journalFiles';
import { REPO_ROOT, tempDir } from '../../fixtures';

const append = (line: string) => (text: string): string => `${text}${line}\n`;
const FAULTS = Number(process.env.FAULTS ?? 0);

/** The writer, bundled as a child process runs it: appends `count` lines `<tag> <n>` to `file`. */
function writerScript(dir: string): string {
  const source = path.join(dir, 'writer.ts');
  writeFileSync(
    source,
    `import { rewriteFile } from ${JSON.stringify(path.join(REPO_ROOT, 'src/core/journal/journalFiles'))};
const [file, tag, count, lockFolder] = process.argv.slice(2);
(async () => {
  for (let n = 0; n < Number(count); n++) {
    await rewriteFile(file, (text) => text + tag + ' ' + n + '\\n', { folder: lockFolder });
    process.send?.(n);
  }
})().catch((err) => { console.error(err); process.exit(1); });
`,
  );
  const out = path.join(dir, 'writer.js');
  buildSync({ entryPoints: [source], bundle: true, platform: 'node', format: 'cjs', target: 'node16', outfile: out, logLevel: 'error' });
  return out;
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

describe('file writes: never lose a line', function () {
  this.timeout(120_000);

  it('keeps every line when many writers in one process append to one entry at once', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'entry.md');
    writeFileSync(file, '# Entry\n');
    const writes = 200;
    await Promise.all(Array.from({ length: writes }, (_, n) => rewriteFile(file, append(`line ${n}`), { folder: path.join(dir, 'locks') })));
    const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('line '));
    console.log(`      in one process: ${writes} writes, ${writes - lines.length} lost`);
    assert.equal(new Set(lines).size, writes);
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temp file left behind');
  });

  it('keeps every line when several processes append to one entry at once', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'entry.md');
    const locks = path.join(dir, 'locks');
    writeFileSync(file, '# Entry\n');
    const script = writerScript(dir);
    const processes = 4;
    const each = FAULTS ? Math.ceil(FAULTS / processes) : 50;
    // They start on a lock left by a writer that died: all of them find it stale at once.
    mkdirSync(locks, { recursive: true, mode: 0o700 });
    writeFileSync(await lockFileOf(file, locks), `${spawnSync(process.execPath, ['-e', '']).pid} ${Date.now()} killed`);
    const children = Array.from({ length: processes }, (_, p) => fork(script, [file, `p${p}`, String(each), locks], { stdio: 'pipe' }));
    const codes = await Promise.all(children.map(exited));
    const lines = readFileSync(file, 'utf8').split('\n').filter((l) => /^p\d+ \d+$/.test(l));
    console.log(`      ${processes} processes × ${each} appends: ${processes * each} writes, ${processes * each - lines.length} lost`);
    assert.deepEqual(codes, Array(processes).fill(0));
    assert.equal(new Set(lines).size, processes * each);
    // Each writer's lines are in its own order: no write was applied to a stale text.
    for (let p = 0; p < processes; p++) {
      const mine = lines.filter((l) => l.startsWith(`p${p} `)).map((l) => Number(l.split(' ')[1]));
      assert.deepEqual(mine, [...mine].sort((a, b) => a - b));
    }
  });

  it('leaves the old or the new text, never a partial one, when a writer is killed at any moment; the next writer goes on', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'entry.md');
    const locks = path.join(dir, 'locks');
    writeFileSync(file, '# Entry\n');
    const script = writerScript(dir);
    const kills = FAULTS ? Math.ceil(FAULTS / 100) : 12;
    let acknowledged = 0;
    for (let k = 0; k < kills; k++) {
      const child = fork(script, [file, `k${k}`, '1000', locks], { stdio: 'pipe' });
      let last = -1;
      const writing = new Promise((resolve) => child.once('message', resolve));
      child.on('message', (n) => (last = Number(n)));
      const done = exited(child);
      // Once it is writing, somewhere in its next few dozen writes: before, during or after a rename.
      await writing;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 40));
      child.kill('SIGKILL');
      await done;
      const text = readFileSync(file, 'utf8');
      assert.ok(text.endsWith('\n') && text.startsWith('# Entry\n'), `whole lines only after kill ${k}`);
      const mine = text.split('\n').filter((l) => l.startsWith(`k${k} `)).map((l) => Number(l.split(' ')[1]));
      // Every write the writer saw finish is there (and at most the one in flight besides).
      assert.ok(mine.length >= last + 1 && mine.length <= last + 2, `writer ${k}: ${mine.length} lines on disk, ${last + 1} acknowledged`);
      assert.deepEqual(mine, mine.map((_, i) => i), `writer ${k}'s lines are whole and in order`);
      acknowledged += last + 1;
    }
    // The lock of the last killed writer may be left behind; a new writer takes it over at once.
    const started = Date.now();
    await rewriteFile(file, append('after the kills'), { folder: locks });
    console.log(`      ${kills} writers killed with SIGKILL after ${acknowledged} acknowledged writes: 0 lost, next write in ${Date.now() - started} ms`);
    assert.match(readFileSync(file, 'utf8'), /after the kills\n$/);
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp') && !existsSync(path.join(dir, f.replace(/^\./, '').replace(/\.\w+\.tmp$/, '')))), []);
  });

  it("reads again when a program outside Reflect changes the file between Reflect's read and its rename", async () => {
    const dir = tempDir();
    const file = path.join(dir, 'entry.md');
    writeFileSync(file, '# Entry\n');
    let calls = 0;
    await rewriteFile(
      file,
      (text) => {
        // The first time, an editor saves its own line just after Reflect read the file.
        if (calls++ === 0) writeFileSync(file, `${text}- typed in another editor\n`);
        return `${text}- captured by Reflect\n`;
      },
      { folder: path.join(dir, 'locks') },
    );
    assert.equal(readFileSync(file, 'utf8'), '# Entry\n- typed in another editor\n- captured by Reflect\n');
    assert.equal(calls, 2);
  });

  it('keeps a private entry private', async function () {
    if (process.platform === 'win32') this.skip();
    const dir = tempDir();
    const file = path.join(dir, 'entry.md');
    writeFileSync(file, '# Entry\n');
    chmodSync(file, 0o600);
    await rewriteFile(file, append('- a capture'), { folder: path.join(dir, 'locks') });
    assert.equal(statSync(file).mode & 0o777, 0o600);
  });

  it('never writes through a link, nor into a folder that links outside the journal', async function () {
    if (process.platform === 'win32') this.skip();
    const root = tempDir();
    const outside = tempDir();
    const secret = path.join(outside, 'id_ed25519');
    writeFileSync(secret, 'PRIVATE KEY\n');
    mkdirSync(path.join(root, 'entries', '2026'), { recursive: true });
    const link = path.join(root, 'entries', '2026', '2026-11-25-end-of-day.md');
    symlinkSync(secret, link);
    await assert.rejects(rewriteFile(link, append('- a capture'), { root, folder: path.join(root, '..', 'locks') }), UnsafeWriteError);
    symlinkSync(outside, path.join(root, 'entries', '2027'));
    const planted = path.join(root, 'entries', '2027', 'plain.md');
    writeFileSync(planted, '# Entry\n');
    await assert.rejects(rewriteFile(planted, append('- a capture'), { root, folder: path.join(root, '..', 'locks') }), /links outside the journal/);
    assert.equal(readFileSync(secret, 'utf8'), 'PRIVATE KEY\n');
    assert.equal(readFileSync(path.join(outside, 'plain.md'), 'utf8'), '# Entry\n');
  });

  it('leaves a read-only entry (0444) as it is, and says so', async () => {
    const root = tempDir();
    const entry = path.join(root, 'entries', '2026', '2026-11-25-end-of-day.md');
    mkdirSync(path.dirname(entry), { recursive: true });
    writeFileSync(entry, '## What went well?\n- Kept\n');
    chmodSync(entry, 0o444);
    await assert.rejects(rewriteFile(entry, append('- a capture'), { root, folder: path.join(root, '..', 'locks') }), (err: unknown) => err instanceof UnsafeWriteError && /read-only/.test(err.message));
    assert.equal(readFileSync(entry, 'utf8'), '## What went well?\n- Kept\n');
    assert.equal(statSync(entry).mode & 0o777, 0o444);
    chmodSync(entry, 0o644);
    assert.equal(await rewriteFile(entry, append('- a capture'), { root, folder: path.join(root, '..', 'locks') }), 'saved');
  });

  it('waits for a live holder, takes over the lock of a dead one, and gives up on one held too long', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'entry.md');
    const folder = path.join(dir, 'locks');
    writeFileSync(file, '');
    const order: string[] = [];
    let release!: () => void;
    const held = withFileLock(file, () => new Promise<void>((resolve) => (release = () => (order.push('first done'), resolve()))), { folder });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const second = withFileLock(file, async () => void order.push('second ran'), { folder });
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(order, [], 'the second waits while the first holds the lock');
    release();
    await Promise.all([held, second]);
    assert.deepEqual(order, ['first done', 'second ran']);

    // A lock left by a process that no longer exists (killed with SIGKILL while writing).
    const lock = await lockFileOf(file, folder);
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(lock, `${gone} ${Date.now()} killed`);
    const started = Date.now();
    let tookOver = false;
    await withFileLock(file, async () => void (tookOver = true), { folder });
    assert.ok(tookOver && Date.now() - started < 1000, 'a dead holder is not waited for');
    assert.equal(existsSync(lock), false, 'and the lock is released after');

    // A lock dated in the future (planted, or a clock jump) is not waited for either.
    writeFileSync(lock, `${process.pid} ${Date.now() + 1e9} future`);
    await withFileLock(file, async () => undefined, { folder, waitMs: 500 });

    // A stale lock that can't be removed (another user's sticky folder) is waited for, then given up on: never a busy loop.
    writeFileSync(lock, `${gone} 0 stale`);
    const unlink = fsp.unlink;
    let attempts = 0;
    fsp.unlink = (async (target: PathLike) => {
      if (String(target) === lock) {
        attempts++;
        throw Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' });
      }
      return unlink(target);
    }) as typeof fsp.unlink;
    try {
      await assert.rejects(withFileLock(file, async () => undefined, { folder, waitMs: 300 }), /being written by another process/);
      assert.ok(attempts < 100, `${attempts} attempts to remove it`);
    } finally {
      fsp.unlink = unlink;
    }
    assert.equal(existsSync(`${lock}.break`), false, 'the breaker lock is released');

    // A live holder that never lets go.
    writeFileSync(lock, `${process.pid} ${Date.now()} stuck`);
    await assert.rejects(withFileLock(file, async () => undefined, { folder, waitMs: 200 }), /being written by another process/);
  });
});
