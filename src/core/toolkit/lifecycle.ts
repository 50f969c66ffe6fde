// Every disposable has an owner (after vscode-pull-request-github's src/common/lifecycle.ts). Plain
// TypeScript: VS Code's own Disposables fit `IDisposable`, so the core can own them without
// importing 'vscode'.

export interface IDisposable {
  dispose(): unknown;
}

export function toDisposable(dispose: () => void): IDisposable {
  return { dispose };
}

/** Disposes each, newest first; one that throws does not keep the rest alive. */
export function disposeAll(disposables: IDisposable[]): void {
  const errors: unknown[] = [];
  for (const d of disposables.splice(0).reverse()) {
    try {
      d.dispose();
    } catch (err) {
      errors.push(err);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, 'several disposables failed to dispose');
}

/** A set of disposables that can be emptied and refilled, e.g. whatever belongs to the current journal folder. */
export class DisposableStore implements IDisposable {
  private readonly items: IDisposable[] = [];
  private disposed = false;

  add<T extends IDisposable>(item: T): T {
    if (this.disposed) item.dispose();
    else this.items.push(item);
    return item;
  }

  /** Disposes what it holds and stays usable. */
  clear(): void {
    disposeAll(this.items);
  }

  dispose(): void {
    this.disposed = true;
    this.clear();
  }
}

/** Base class for anything that owns listeners, watchers, timers or emitters: `register()` them, `dispose()` once. */
export abstract class Disposable implements IDisposable {
  private readonly store = new DisposableStore();
  private disposedFlag = false;

  protected get isDisposed(): boolean {
    return this.disposedFlag;
  }

  /** Takes ownership of `value`: it is disposed with this object (at once, if this one already was). */
  protected register<T extends IDisposable>(value: T): T {
    return this.store.add(value);
  }

  dispose(): void {
    if (this.disposedFlag) return;
    this.disposedFlag = true;
    this.store.dispose();
  }
}
