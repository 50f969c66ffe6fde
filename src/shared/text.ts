// How Reflect words counts and entry types, on both sides of the panel. No VS Code, no Node.

/** "1 entry", "3 entries", "1,200 retros" (`many` defaults to `one` + "s"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** Words a user sees for an entry type: "end-of-day" → "end of day". */
export function describeType(type: string): string {
  return type.replace(/-/g, ' ');
}
