// Waiting in the extension host for what a user would wait for: a file watcher, a commit, a tree.
import { toIsoDate } from '../../src/core/toolkit/localDates';

/**
 * Polls `probe` until it returns something other than undefined or false, and resolves to that;
 * rejects naming `what` after `timeoutMs`.
 */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Today as journal file names write it (local time). */
export const todayIso = (): string => toIsoDate(new Date());
