// Turns a burst of saves into one commit: the run happens once the saves stop for `quietMs`, or at
// the latest `maxWaitMs` after the first one (someone saving every second still gets commits).
// Runs never overlap; a save during a run leads to one more run after it.

export interface BatcherOptions {
  quietMs: number;
  maxWaitMs: number;
  run: () => Promise<void>;
  /** Called when `run` throws; the batcher itself keeps going. */
  onError?: (err: unknown) => void;
}

export class CommitBatcher {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstChange: number | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private disposed = false;

  constructor(private readonly options: BatcherOptions) {}

  /** Notes a change; the run is (re)scheduled. */
  changed(): void {
    if (this.disposed) return;
    const now = Date.now();
    this.firstChange ??= now;
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.options.quietMs, this.firstChange + this.options.maxWaitMs - now));
    this.timer = setTimeout(() => void this.fire(), wait);
  }

  /** Runs now if a change is waiting; resolves when every pending run is done. */
  async flush(): Promise<void> {
    if (this.firstChange !== undefined) return this.fire();
    return this.running;
  }

  /** Drops a waiting change without running (the caller is about to do the work itself). */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.firstChange = undefined;
  }

  dispose(): void {
    this.cancel();
    this.disposed = true;
  }

  private fire(): Promise<void> {
    this.cancel();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const loop = async (): Promise<void> => {
      try {
        do {
          this.again = false;
          try {
            await this.options.run();
          } catch (err) {
            this.options.onError?.(err);
          }
        } while (this.again && !this.disposed);
      } finally {
        this.running = undefined;
      }
    };
    this.running = loop();
    return this.running;
  }
}
