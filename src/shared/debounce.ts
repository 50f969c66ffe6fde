// One debounce for the extension and the webview: both have setTimeout, neither needs more.

export interface Debounced {
  (): void;
  /** Drops a call that is waiting. */
  cancel(): void;
  /** Runs a waiting call now; does nothing when none waits. */
  flush(): void;
}

/** `fn` runs once, `ms` after the last of a burst of calls. */
export function debounce(fn: () => void, ms: number): Debounced {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = (): void => {
    timer = undefined;
    fn();
  };
  const debounced = (): void => {
    clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
  debounced.cancel = (): void => {
    clearTimeout(timer);
    timer = undefined;
  };
  debounced.flush = (): void => {
    if (timer === undefined) return;
    clearTimeout(timer);
    run();
  };
  return debounced;
}
