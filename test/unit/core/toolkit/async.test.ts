// Work queued one at a time (per key, or all together), debounced calls and small waits, with
// small real timeouts.
import * as assert from 'node:assert/strict';
import { debounce, KeyedSequencer, runSliced, runToEnd, Sequencer, sleep, Steps, yieldToEventLoop } from '../../../../src/core/toolkit/async';

/** A promise the test settles by hand. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

const rejectionOf = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => assert.fail('expected a rejection'),
    (err: unknown) => err,
  );

describe('async: Sequencer', () => {
  it('runs work in the order it was queued, one at a time, and hands each caller its own result', async () => {
    const seq = new Sequencer();
    const log: string[] = [];
    const job = (name: string, ms: number) => async (): Promise<string> => {
      log.push(`start ${name}`);
      await sleep(ms);
      log.push(`end ${name}`);
      return name.toUpperCase();
    };
    // The slowest first: without the queue, b and c would finish before a.
    const results = await Promise.all([seq.queue(job('a', 30)), seq.queue(job('b', 5)), seq.queue(job('c', 1))]);
    assert.deepEqual(results, ['A', 'B', 'C']);
    assert.deepEqual(log, ['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('a failure rejects its own caller and does not block what follows', async () => {
    const seq = new Sequencer();
    const failed = seq.queue(async () => {
      await sleep(5);
      throw new Error('disk full');
    });
    const thrownSync = seq.queue((): Promise<string> => {
      throw new Error('thrown before any await');
    });
    const next = seq.queue(async () => 'still ran');
    assert.match(String(await rejectionOf(failed)), /disk full/);
    assert.match(String(await rejectionOf(thrownSync)), /thrown before any await/);
    assert.equal(await next, 'still ran');
  });
});

describe('async: KeyedSequencer', () => {
  it('work on one key never overlaps, and runs in order', async () => {
    const seq = new KeyedSequencer();
    const first = gate();
    const log: string[] = [];
    const a = seq.queue('entries/a.md', async () => {
      log.push('a1 start');
      await first.promise;
      log.push('a1 end');
    });
    const b = seq.queue('entries/a.md', async () => void log.push('a2'));
    await sleep(10);
    assert.deepEqual(log, ['a1 start'], 'the second waits for the first');
    first.open();
    await Promise.all([a, b]);
    assert.deepEqual(log, ['a1 start', 'a1 end', 'a2']);
  });

  it('work on different keys runs side by side', async () => {
    const seq = new KeyedSequencer();
    const held = gate();
    let otherRan = false;
    const slow = seq.queue('repo-1', () => held.promise);
    const other = seq.queue('repo-2', async () => void (otherRan = true));
    await other;
    assert.equal(otherRan, true, 'repo-2 did not wait for repo-1');
    held.open();
    await slow;
  });

  it('counts keys with work queued or running, and forgets a key once it is idle', async () => {
    const seq = new KeyedSequencer();
    assert.equal(seq.size, 0);
    const held = gate();
    const a = seq.queue('a', () => held.promise);
    const a2 = seq.queue('a', async () => undefined);
    const b = seq.queue('b', async () => {
      throw new Error('b failed');
    });
    assert.equal(seq.size, 2);
    await rejectionOf(b);
    await yieldToEventLoop();
    assert.equal(seq.size, 1, 'b is idle (after a failure too) and forgotten; a still runs');
    held.open();
    await Promise.all([a, a2]);
    await yieldToEventLoop();
    assert.equal(seq.size, 0);
  });

  it('a failure on a key does not block the next work on that key', async () => {
    const seq = new KeyedSequencer();
    const failed = seq.queue('k', async () => {
      throw new Error('locked');
    });
    const next = seq.queue('k', async () => 'ran');
    assert.match(String(await rejectionOf(failed)), /locked/);
    assert.equal(await next, 'ran');
  });
});

describe('async: debounce', () => {
  it('a burst of calls makes one call, after the last of them', async () => {
    const calledAt: number[] = [];
    const d = debounce(() => void calledAt.push(Date.now()), 30);
    let lastCall = 0;
    for (let i = 0; i < 5; i++) {
      d();
      lastCall = Date.now();
      await sleep(10);
    }
    assert.deepEqual(calledAt, [], 'nothing while calls keep coming');
    await sleep(60);
    assert.equal(calledAt.length, 1);
    assert.ok(calledAt[0] - lastCall >= 29, `called ${calledAt[0] - lastCall} ms after the last call`);
  });

  it('cancel drops the waiting call', async () => {
    let calls = 0;
    const d = debounce(() => void calls++, 20);
    d();
    d.cancel();
    await sleep(50);
    assert.equal(calls, 0);
    d();
    await sleep(50);
    assert.equal(calls, 1, 'still usable after cancel');
  });

  it('flush runs the waiting call now, once; with nothing waiting it does nothing', async () => {
    let calls = 0;
    const d = debounce(() => void calls++, 20);
    d.flush();
    assert.equal(calls, 0, 'nothing was waiting');
    d();
    d.flush();
    assert.equal(calls, 1, 'ran at once');
    d.flush();
    await sleep(50);
    assert.equal(calls, 1, 'the timer does not run it a second time');
  });
});

describe('async: waits', () => {
  it('sleep waits at least its time; yieldToEventLoop lets already-queued I/O callbacks run first', async () => {
    const started = Date.now();
    await sleep(25);
    assert.ok(Date.now() - started >= 24);
    let ran = false;
    setImmediate(() => (ran = true));
    await yieldToEventLoop();
    assert.equal(ran, true);
  });

  it('runs long stepwise work to the end, letting other work in between slices only when sliced', async () => {
    /** 30 steps of about 2 ms each: some 60 ms of work in all. */
    function* work(): Steps<number> {
      let sum = 0;
      for (let i = 1; i <= 30; i++) {
        const until = performance.now() + 2;
        while (performance.now() < until);
        sum += i;
        yield;
      }
      return sum;
    }
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    try {
      assert.equal(runToEnd(work()), 465);
      assert.equal(ticks, 0, 'run at once, nothing else ran');
      assert.equal(await runSliced(work(), 10), 465);
      assert.ok(ticks >= 3, `other work ran between slices (${ticks} times)`);
    } finally {
      clearInterval(timer);
    }
  });
});
