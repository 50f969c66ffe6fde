/**
 * Work one feature asks another to wait for before something happens, such as pulling the journal
 * before today's entry is created (so a second machine never writes a rival, empty one). A hook's
 * failure never stops what it was waiting for.
 */
export class BeforeHooks<T> {
  private readonly hooks = new Set<(arg: T) => Promise<void>>();

  add(hook: (arg: T) => Promise<void>): { dispose(): void } {
    this.hooks.add(hook);
    return { dispose: () => void this.hooks.delete(hook) };
  }

  async run(arg: T): Promise<void> {
    for (const hook of [...this.hooks]) await hook(arg).catch(() => undefined);
  }
}
