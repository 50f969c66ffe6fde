/**
 * "Tell the user once": remembers which keys were already said. `first(key)` is true the first
 * time only; `forget` lets a key be said again (after the problem went away, or a setting changed).
 */
export class OnceEach {
  private readonly said = new Set<string>();

  first(key: string): boolean {
    if (this.said.has(key)) return false;
    this.said.add(key);
    return true;
  }

  /** Forgets one key, or every key `matches` accepts, or (with no argument) all of them. */
  forget(matches?: string | ((key: string) => boolean)): void {
    if (matches === undefined) return this.said.clear();
    if (typeof matches === 'string') return void this.said.delete(matches);
    for (const key of [...this.said]) if (matches(key)) this.said.delete(key);
  }
}
