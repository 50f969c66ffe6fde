// Three-way merge of ordered, keyed things (sections, list items, front matter keys, lines): the
// pieces of the structural merge that know nothing of Markdown or YAML.

/** One key of a merged sequence and what each side had under it. */
export interface Slot<T> {
  key: string;
  base?: T;
  ours?: T;
  theirs?: T;
}

/**
 * Which keys survive, in what order. A key on both sides stays; a key one side deleted goes if the
 * other side left it as it was in base, and stays (edited) otherwise. The order is ours'; a key
 * only theirs has goes after the shared key that precedes it on theirs, after any keys only ours
 * added there (so two machines appending to the same list read ours' additions first).
 */
export function mergeOrder<T extends { key: string }>(base: readonly T[], ours: readonly T[], theirs: readonly T[], same: (a: T, b: T) => boolean): Slot<T>[] {
  const b = byKey(base);
  const o = byKey(ours);
  const t = byKey(theirs);
  const keeps = (unit: T, other: Map<string, T>): boolean => {
    if (other.has(unit.key)) return true;
    const was = b.get(unit.key);
    return was === undefined || !same(was, unit);
  };
  // Theirs' own keys, grouped under the shared key they follow ('' = the start).
  const after = new Map<string, T[]>();
  let anchor = '';
  for (const unit of theirs) {
    if (o.has(unit.key)) {
      anchor = unit.key;
    } else if (keeps(unit, o)) {
      const group = after.get(anchor) ?? [];
      group.push(unit);
      after.set(anchor, group);
    }
  }
  const order: string[] = [];
  let pending = after.get('') ?? [];
  for (const unit of ours) {
    if (!keeps(unit, t)) continue;
    if (t.has(unit.key)) {
      order.push(...pending.map((u) => u.key));
      pending = after.get(unit.key) ?? [];
    }
    order.push(unit.key);
  }
  order.push(...pending.map((u) => u.key));
  return order.map((key) => ({ key, base: b.get(key), ours: o.get(key), theirs: t.get(key) }));
}

function byKey<T extends { key: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.key)) map.set(item.key, item);
  return map;
}

/** Which side's value a plain three-way merge takes: the side that changed it, or a conflict. */
export function pick3<T>(base: T | undefined, ours: T, theirs: T, same: (a: T, b: T) => boolean = Object.is): 'ours' | 'theirs' | 'conflict' {
  if (same(ours, theirs)) return 'ours';
  if (base !== undefined && same(base, ours)) return 'theirs';
  if (base !== undefined && same(base, theirs)) return 'ours';
  return 'conflict';
}

/** Lines as a set that keeps both sides' order: continuation lines of an item, comment lines. */
export function mergeLines(base: readonly string[] | undefined, ours: readonly string[], theirs: readonly string[]): string[] {
  const choice = pick3(base, ours, theirs, sameLines);
  if (choice !== 'conflict') return [...(choice === 'ours' ? ours : theirs)];
  const keyed = (lines: readonly string[]): { key: string; line: string }[] => {
    const seen = new Map<string, number>();
    return lines.map((line) => {
      const text = line.trim();
      const n = seen.get(text) ?? 0;
      seen.set(text, n + 1);
      return { key: `${text}\u0000${n}`, line };
    });
  };
  return mergeOrder(keyed(base ?? []), keyed(ours), keyed(theirs), (a, b) => a.line === b.line).map((slot) => (slot.ours ?? slot.theirs)?.line ?? '');
}

export function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}
