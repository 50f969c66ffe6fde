// The batcher between a burst of saves and one commit, with small real timeouts.
import * as assert from 'node:assert/strict';
import { CommitBatcher } from '../../../../src/core/sync/commitBatcher';
import { sleep } from '../../../../src/core/toolkit/async';

/** A promise the test settles by hand: a run that lasts exactly as long as the test wants. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Waits until `condition` holds, polling every few ms; fails naming `what` after `timeoutMs`. */
async function until(what: string, condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(2);
  }
}

describe('commit batcher', () => {
  let batcher: CommitBatcher | undefined;
  afterEach(() => batcher?.dispose());

  it('ten saves in quick succession make one run, after they stop', async () => {
    let runs = 0;
    const b = (batcher = new CommitBatcher({ quietMs: 60, maxWaitMs: 5_000, run: async () => void runs++ }));
    for (let i = 0; i < 10; i++) {
      b.changed();
      await sleep(10);
    }
    assert.equal(runs, 0, 'nothing while saves keep coming');
    await sleep(120);
    assert.equal(runs, 1);
  });

  it('a burst runs once, a quiet time after its last change (not its first)', async () => {
    const runAt: number[] = [];
    const b = (batcher = new CommitBatcher({ quietMs: 40, maxWaitMs: 5_000, run: async () => void runAt.push(Date.now()) }));
    let lastChange = 0;
    for (let i = 0; i < 5; i++) {
      b.changed();
      lastChange = Date.now();
      await sleep(15);
    }
    await until('the run', () => runAt.length > 0);
    await sleep(80);
    assert.equal(runAt.length, 1, 'one run for the whole burst');
    assert.ok(runAt[0] - lastChange >= 35, `ran ${runAt[0] - lastChange} ms after the last change`);
  });

  it('someone saving non-stop still gets a run after maxWait', async () => {
    let runs = 0;
    const b = (batcher = new CommitBatcher({ quietMs: 50, maxWaitMs: 150, run: async () => void runs++ }));
    const started = Date.now();
    while (Date.now() - started < 260) {
      b.changed();
      await sleep(15);
    }
    assert.ok(runs >= 1, `ran ${runs} times`);
  });

  it('maxWait caps a steady stream: the first run comes maxWait after the first change, while changes still arrive', async () => {
    const runAt: number[] = [];
    const b = (batcher = new CommitBatcher({ quietMs: 60, maxWaitMs: 120, run: async () => void runAt.push(Date.now()) }));
    const first = Date.now();
    // A change every 10 ms never leaves the 60 ms of quiet a run would otherwise wait for.
    while (Date.now() - first < 400) {
      b.changed();
      await sleep(10);
    }
    const streamEnded = Date.now();
    assert.ok(runAt.length >= 1, 'at least one run during the stream');
    assert.ok(runAt[0] - first >= 115, `the first run came ${runAt[0] - first} ms after the first change, before maxWait`);
    assert.ok(runAt[0] < streamEnded, 'it did not wait for the stream to stop');
    assert.ok(runAt.length < 10, `a run per maxWait at most, not per change: ${runAt.length}`);
  });

  it('runs never overlap; a save during a run leads to exactly one more run', async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const b = (batcher = new CommitBatcher({
      quietMs: 10,
      maxWaitMs: 1_000,
      run: async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        runs++;
        await sleep(80);
        active--;
      },
    }));
    b.changed();
    await sleep(30); // first run in progress
    b.changed();
    b.changed();
    await sleep(40);
    await b.flush();
    await sleep(120);
    await b.flush();
    assert.equal(maxActive, 1);
    assert.equal(runs, 2);
  });

  it('changes during a run (their timers firing mid-run) make one more run after it, then nothing', async () => {
    const gates = [gate(), gate()];
    let runs = 0;
    let active = 0;
    let overlapped = false;
    const b = (batcher = new CommitBatcher({
      quietMs: 5,
      maxWaitMs: 1_000,
      run: async () => {
        overlapped ||= active > 0;
        active++;
        await (gates[runs++] ?? gate()).promise;
        active--;
      },
    }));
    b.changed();
    await until('the first run to start', () => runs === 1);
    for (let i = 0; i < 3; i++) {
      b.changed();
      await sleep(15); // longer than quietMs: each change's timer fires while the run still holds
    }
    assert.equal(runs, 1, 'the second run waits for the first');
    gates[0].open();
    await until('the second run to start', () => runs === 2);
    gates[1].open();
    await b.flush();
    await sleep(50);
    assert.equal(runs, 2, 'exactly one more run for the three changes');
    assert.equal(overlapped, false);
  });

  it('flush runs a waiting change now; cancel drops it; a failing run does not stop later ones', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const b = (batcher = new CommitBatcher({
      quietMs: 10_000,
      maxWaitMs: 10_000,
      run: async () => {
        runs++;
        if (runs === 1) throw new Error('index.lock');
      },
      onError: (e) => errors.push(e),
    }));
    b.changed();
    await b.flush();
    assert.equal(runs, 1);
    assert.equal(errors.length, 1);
    b.changed();
    b.cancel();
    await b.flush();
    assert.equal(runs, 1);
    b.changed();
    await b.flush();
    assert.equal(runs, 2);
  });

  it('after dispose nothing runs: not a waiting change, not a change after it', async () => {
    let runs = 0;
    const b = (batcher = new CommitBatcher({ quietMs: 20, maxWaitMs: 1_000, run: async () => void runs++ }));
    b.changed();
    b.dispose();
    b.changed();
    await sleep(80);
    assert.equal(runs, 0);
    await b.flush();
    assert.equal(runs, 0, 'flush has nothing to run either');
  });

  it('dispose during a run lets that run finish but stops the one a change had asked for', async () => {
    const first = gate();
    let runs = 0;
    const b = (batcher = new CommitBatcher({
      quietMs: 5,
      maxWaitMs: 1_000,
      run: async () => {
        runs++;
        if (runs === 1) await first.promise;
      },
    }));
    b.changed();
    await until('the run to start', () => runs === 1);
    b.changed();
    await sleep(20); // the change's timer fires: one more run is asked for
    b.dispose();
    first.open();
    await b.flush();
    await sleep(40);
    assert.equal(runs, 1);
  });

  it('a run that throws goes to onError, and later changes still run on their own timers', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const b = (batcher = new CommitBatcher({
      quietMs: 10,
      maxWaitMs: 1_000,
      run: async () => {
        runs++;
        throw new Error(`commit ${runs} failed`);
      },
      onError: (e) => errors.push(e),
    }));
    b.changed();
    await until('the first run', () => runs === 1);
    await sleep(10);
    b.changed();
    await until('the second run', () => runs === 2);
    await sleep(10);
    assert.deepEqual(
      errors.map((e) => (e instanceof Error ? e.message : String(e))),
      ['commit 1 failed', 'commit 2 failed'],
    );
  });

  it('without onError a throwing run is swallowed, not an unhandled rejection, and the batcher goes on', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      let runs = 0;
      const b = (batcher = new CommitBatcher({
        quietMs: 5,
        maxWaitMs: 1_000,
        run: async () => {
          runs++;
          throw new Error('no identity');
        },
      }));
      b.changed();
      await until('the first run', () => runs === 1);
      await sleep(10);
      b.changed();
      await until('the second run', () => runs === 2);
      await sleep(20);
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
