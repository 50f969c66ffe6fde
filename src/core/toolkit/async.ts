// The async toolkit, written once (as the built-in git extension keeps sequentialize/debounce in one
// decorators.ts): queues that run work one at a time, and small waits.
export { debounce } from '../../shared/debounce';
export type { Debounced } from '../../shared/debounce';

/** Lets the event loop run other work (I/O, UI messages) between batches of a long job. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Long work written as a generator that yields between small steps. `runSliced` runs it without
 * holding the event loop for more than about `budgetMs` at a time; `runToEnd` runs it at once.
 */
export type Steps<T> = Generator<void, T, void>;

export async function runSliced<T>(steps: Steps<T>, budgetMs = 10): Promise<T> {
  let since = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - since >= budgetMs) {
      await yieldToEventLoop();
      since = performance.now();
    }
  }
}

export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs work one at a time in the order it was queued; a failure is the caller's and does not stop what follows. */
export class Sequencer {
  private tail: Promise<unknown> = Promise.resolve();

  queue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work, work);
    this.tail = run.catch(() => undefined);
    return run;
  }
}

/**
 * One Sequencer per key (a file path, a repository): work on one key never overlaps, work on
 * different keys runs side by side. A key's queue is forgotten once it is idle.
 */
export class KeyedSequencer {
  private readonly tails = new Map<string, Promise<unknown>>();

  queue<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const run = previous.then(work, work);
    const tail = run.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return run;
  }

  /** Keys with work queued or running. */
  get size(): number {
    return this.tails.size;
  }
}
