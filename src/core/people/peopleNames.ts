// Who a line is about. People are written many ways ("@priya", "Priya", "priya,", "Priya K"): a
// name is matched case-insensitively, with or without "@", its edge punctuation trimmed, and the
// journal's alias list merges the other spellings into one name.
//
// The alias list is `<journal>/people.md`, one person a bullet: the name as it should be shown, then
// a colon and the other ways it is written, comma-separated. Anything that is not a bullet is
// ignored, so the file can carry a title and a note to its reader:
//
//   # People
//
//   - Priya Kumar: @priya, Priya K, PK
//   - Sam Lee: @sam, Samuel
//   - Dana
//
// A spelling claimed twice belongs to the first person that claims it; a person's own name always
// wins over another's alias.
import { isStopWord } from '../review/words';

export const PEOPLE_FILE = 'people.md';

export interface Person {
  /** As it should be shown: the text before the colon. */
  name: string;
  /** The other spellings, as written. */
  aliases: string[];
  /** 0-based line in people.md. */
  line: number;
}

export interface PeopleList {
  people: Person[];
  /** Every spelling's key (see `personKey`) → the name it stands for. */
  byKey: ReadonlyMap<string, string>;
}

export const NO_PEOPLE: PeopleList = { people: [], byKey: new Map() };

/** Lines longer than this are read only up to here: no name is further in than a paragraph. */
export const MAX_LINE = 2000;
/** A name longer than this is not a name. */
const MAX_NAME = 100;

const BULLET = /^\s{0,3}[-*+][ \t]+(.*)$/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The people of a people.md. Never throws; a line it cannot read is skipped. */
export function parsePeople(text: string): PeopleList {
  const people: Person[] = [];
  const byKey = new Map<string, string>();
  const owners = new Map<string, 'name' | 'alias'>();
  text.split(/\r?\n/).forEach((raw, line) => {
    const m = BULLET.exec(raw.length > MAX_LINE ? raw.slice(0, MAX_LINE) : raw);
    if (!m) return;
    const colon = m[1].indexOf(':');
    const name = cleanName(colon >= 0 ? m[1].slice(0, colon) : m[1]);
    if (!name) return;
    const aliases = colon >= 0 ? m[1].slice(colon + 1).split(/[,;]/).map((a) => a.trim()).filter((a) => personKey(a) !== '') : [];
    people.push({ name, aliases, line });
    const key = personKey(name);
    if (owners.get(key) !== 'name') {
      byKey.set(key, name);
      owners.set(key, 'name');
    }
    for (const alias of aliases) {
      const k = personKey(alias);
      if (!owners.has(k)) {
        byKey.set(k, name);
        owners.set(k, 'alias');
      }
    }
  });
  return { people, byKey };
}

/** One people.md bullet: what `parsePeople` reads back as this person. */
export function formatPerson(name: string, aliases: readonly string[] = []): string {
  const clean = aliases.map((a) => a.replace(/[,;\s]+/g, ' ').trim()).filter((a) => personKey(a) !== '');
  return `- ${cleanName(name.replace(/:/g, ' '))}${clean.length ? `: ${clean.join(', ')}` : ''}`;
}

/** The list with more names known (people seen in requests or answers), each its own spelling. */
export function withNames(list: PeopleList, names: readonly string[]): PeopleList {
  const byKey = new Map(list.byKey);
  const people = [...list.people];
  for (const raw of names) {
    const name = cleanName(raw);
    const key = personKey(name);
    if (!key || byKey.has(key)) continue;
    byKey.set(key, name);
    people.push({ name, aliases: [], line: -1 });
  }
  return { people, byKey };
}

/** Without "@", edge punctuation or a possessive, inner spaces collapsed: "@Priya's," → "Priya". */
function cleanName(raw: string): string {
  let text = raw.length > MAX_NAME ? raw.slice(0, MAX_NAME) : raw;
  text = text.replace(/\s+/g, ' ').replace(/’/g, "'");
  let start = 0;
  let end = text.length;
  while (start < end && !LETTER_OR_DIGIT.test(text[start])) start++;
  while (end > start && !LETTER_OR_DIGIT.test(text[end - 1])) end--;
  text = text.slice(start, end);
  if (text.endsWith("'s") && text.length > 2) text = text.slice(0, -2);
  return text;
}

/** How two spellings are compared: cleaned and lower-case. "" for text that names no one. */
export function personKey(raw: string): string {
  return cleanName(raw).toLowerCase();
}

/**
 * The name a spelling stands for: the alias list's name when it knows the spelling, else the
 * spelling cleaned, a lower-case handle capitalized ("@priya" → "Priya") as a sentence would write it.
 */
export function canonicalPerson(raw: string, people: PeopleList = NO_PEOPLE): string {
  const name = cleanName(raw);
  const known = people.byKey.get(name.toLowerCase());
  if (known) return known;
  return name === name.toLowerCase() ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}

export function samePerson(a: string, b: string, people: PeopleList = NO_PEOPLE): boolean {
  const key = canonicalPerson(a, people).toLowerCase();
  return key !== '' && key === canonicalPerson(b, people).toLowerCase();
}

/**
 * First names that are also everyday words: written in lower case ("I will", "in may") they are the
 * word, so a known name among them counts only with a capital or "@". Stop words count the same way.
 */
const WORD_NAMES = new Set(
  `will may mark bill grant rose pat frank max page june april august hope joy faith grace art sue ray jack chase drew hunter dawn
  lane reed wade summer rich rob sky cliff chip bob nick sage jay gil lou ken dean miles case cash bud penny ruby amber jade
  harmony iris holly ivy cole rusty sandy misty angel ash river storm sterling bishop pierce`.split(/\s+/),
);

/** A handle: "@" and a letter, digit or "_", then those and inner "." or "-" (trimmed off the end in code). */
const HANDLE = /@[\p{L}\p{N}_][\p{L}\p{N}_.-]*/gu;

/**
 * The people a line names, as their canonical names, in the order they first appear: every
 * `@handle`, and every name or alias of `people` written as whole words, in any case. A known name
 * that is also a common word ("Will", "May") counts only when written with a capital.
 */
export function peopleIn(line: string, people: PeopleList = NO_PEOPLE): string[] {
  const text = line.length > MAX_LINE ? line.slice(0, MAX_LINE) : line;
  const found: { at: number; name: string }[] = [];
  for (const m of text.matchAll(HANDLE)) {
    const before = m.index > 0 ? text[m.index - 1] : '';
    if (before && LETTER_OR_DIGIT.test(before)) continue; // an e-mail address, not a handle
    let handle = m[0];
    while (handle.endsWith('.') || handle.endsWith('-')) handle = handle.slice(0, -1);
    found.push({ at: m.index, name: canonicalPerson(handle, people) });
  }
  if (people.byKey.size > 0) {
    // Case-folded once; offsets are compared only within this copy.
    const folded = text.replace(/’/g, "'").replace(/\s+/g, ' ');
    const lower = folded.toLowerCase();
    const sameOffsets = lower.length === folded.length;
    for (const [key, name] of people.byKey) {
      const common = !key.includes(' ') && (WORD_NAMES.has(key) || isStopWord(key));
      for (let at = lower.indexOf(key); at >= 0; at = lower.indexOf(key, at + 1)) {
        const end = at + key.length;
        // Whole words only, and not the name part of an e-mail address ("priya@example.com").
        if ((at > 0 && LETTER_OR_DIGIT.test(lower[at - 1])) || (end < lower.length && (LETTER_OR_DIGIT.test(lower[end]) || lower[end] === '@'))) continue;
        if (lower[at - 1] === '@' && at >= 2 && LETTER_OR_DIGIT.test(lower[at - 2])) continue; // an address's domain
        if (common && sameOffsets && lower[at - 1] !== '@' && folded[at] === lower[at]) continue;
        found.push({ at, name });
        break;
      }
    }
  }
  const names: string[] = [];
  const seen = new Set<string>();
  for (const { name } of found.sort((a, b) => a.at - b.at)) {
    const key = name.toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}

/** The part of a file name that stands for a person: "Priya Kumar" → "priya-kumar". */
export function personSlug(name: string): string {
  const slug = personKey(name)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  return slug || 'someone';
}
