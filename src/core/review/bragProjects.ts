// Phases of one project. A project's steps are often written without its name ("import script runs
// per table", "switch-over checklist written"), so the words of its wins alone keep them apart.
// What ties a step to its project is a win that names the two together ("ledger move: import,
// switch-over", "ledger switch-over date set"), while the project runs. Only your own steps become
// phases: work about colleagues (mentoring, pairing, their tool), an incident or a ticket named by
// its id, and work your goal progress names (what you set out to do, like leading a review) stay
// stories of their own, whatever wins name them with the project.
import { GrowthGroup } from '../../shared/noteKinds';
import { wordsOf } from './words';

export interface PhaseLine {
  date: string;
  group: GrowthGroup;
  terms: readonly string[];
}

export interface PhaseStory<L extends PhaseLine> {
  /** The work term that names it. */
  anchor?: string;
  wins: L[];
  support: L[];
}

export interface PhaseContext<S> {
  /** The story whose work a term names, if any. */
  storyNamed(term: string): S | undefined;
  /** People, as terms: a story about them is not a step of your project. */
  people: ReadonlySet<string>;
  /** Whether the period's entries carry a tag that names this term ("#ledger" for "ledger"). */
  isTag(term: string): boolean;
}

/** Tags and terms alike, as one word: "#dataimport" names "data-import", "#invoices" names "invoice". */
const joined = (term: string): string => term.replace(/-/g, '');

/** Whether a term (a stem) is the name of one of these tags. */
export function tagNamer(tags: readonly string[]): (term: string) => boolean {
  const names = new Set(tags.flatMap((t) => wordsOf(t).map((w) => joined(w.stem))));
  return (term) => names.has(joined(term));
}

/** A win naming more pieces of work than this is a list; its first ones are the ones it is about. */
const MAX_NAMED = 6;
/** Phases of phases: a chain longer than this is no longer one project. */
const MAX_ROUNDS = 4;

interface Shape {
  from: string;
  to: string;
  size: number;
  /** About colleagues (mentoring, pairing, their work): most of its wins name a person. */
  personal: boolean;
  /** Named by an identifier ("INC-7", "PROJ-12"): an incident or a ticket, a unit of its own. */
  numbered: boolean;
  /** Goal progress names it: what you set out to do. */
  goal: boolean;
  /** You tag entries with its name: a tag names a word at least half its wins say. */
  tagged: boolean;
}

function shapeOf<L extends PhaseLine, S extends PhaseStory<L>>(s: S, context: PhaseContext<S>): Shape {
  let from = s.wins[0].date;
  let to = from;
  let withPeople = 0;
  const tagged = new Map<string, number>();
  for (const w of s.wins) {
    if (w.date < from) from = w.date;
    if (w.date > to) to = w.date;
    if (w.terms.some((t) => context.people.has(t))) withPeople++;
    for (const t of new Set(w.terms)) if (context.isTag(t)) tagged.set(t, (tagged.get(t) ?? 0) + 1);
  }
  return {
    from,
    to,
    size: s.wins.length,
    personal: 2 * withPeople > s.wins.length,
    numbered: /\d/.test(s.anchor ?? ''),
    goal: s.support.some((l) => l.group === 'goals'),
    tagged: [...tagged.values()].some((n) => 2 * n >= s.wins.length),
  };
}

/**
 * Folds the phases of each project into it and returns the stories left, in their order.
 *
 * S is a phase of P when a win (of any story) names both, S's wins lie between P's first and last
 * win, S has fewer wins than P and at least two, and S is neither about colleagues, nor named by an
 * identifier, nor named by goal progress. P must look like a project: goal progress or a tag names
 * it, or it has two such phases or more (a story only one smaller story is named with is two related
 * pieces of work, as with "playbooks written after each outage"). A story named with a phase can be a
 * phase of the same project. Stories about colleagues are no one's project either.
 *
 * Cost: one pass over the wins counting the pairs of stories each names (at most MAX_NAMED² per
 * win), then at most MAX_ROUNDS passes over those pairs: linear in the number of wins.
 */
export function foldPhases<L extends PhaseLine, S extends PhaseStory<L>>(stories: readonly S[], context: PhaseContext<S>): S[] {
  const shapes = new Map<S, Shape>(stories.filter((s) => s.wins.length > 0).map((s) => [s, shapeOf(s, context)]));
  const shape = (s: S): Shape => shapes.get(s) as Shape;
  // How many wins name each pair of stories together.
  const together = new Map<S, Map<S, number>>();
  const count = (a: S, b: S): void => {
    const m = together.get(a) ?? new Map<S, number>();
    together.set(a, m);
    m.set(b, (m.get(b) ?? 0) + 1);
  };
  for (const own of shapes.keys()) {
    for (const w of own.wins) {
      const named = new Set<S>([own]);
      for (const t of w.terms) {
        const s = context.storyNamed(t);
        if (s !== undefined && shapes.has(s) && named.size < MAX_NAMED) named.add(s);
      }
      const list = [...named];
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          count(list[i], list[j]);
          count(list[j], list[i]);
        }
      }
    }
  }
  const into = new Map<S, S>();
  const root = (s: S): S => {
    let r = s;
    while (into.has(r)) r = into.get(r) as S;
    return r;
  };
  const canBePhase = (s: S): boolean => shape(s).size >= 2 && !shape(s).personal && !shape(s).numbered && !shape(s).goal;
  /** The stories s could be a phase of, as they stand now, with how many wins name s with each. */
  const wholesOf = (s: S): Map<S, number> => {
    const part = shape(s);
    const votes = new Map<S, number>();
    for (const [other, n] of together.get(s) ?? []) {
      const p = root(other);
      const whole = shape(p);
      if (p === s || whole.personal || whole.size <= part.size || part.from < whole.from || part.to > whole.to) continue;
      votes.set(p, (votes.get(p) ?? 0) + n);
    }
    return votes;
  };
  // Smallest first, so a step joins before the larger story it may itself be a step of is compared.
  const order = [...shapes.keys()].sort((a, b) => shape(a).size - shape(b).size || shape(a).from.localeCompare(shape(b).from) || shape(a).to.localeCompare(shape(b).to));
  const parts = new Map<S, number>();
  for (const s of order) if (canBePhase(s)) for (const p of wholesOf(s).keys()) parts.set(p, (parts.get(p) ?? 0) + 1);
  const isProject = (p: S): boolean => shape(p).goal || shape(p).tagged || (parts.get(p) ?? 0) >= 2;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let changed = false;
    for (const s of order) {
      if (into.has(s) || !canBePhase(s)) continue;
      let best: S | undefined;
      let most = 0;
      for (const [p, n] of wholesOf(s)) {
        if (!isProject(p)) continue;
        if (n > most || (n === most && shape(p).size > shape(best as S).size)) [best, most] = [p, n];
      }
      if (best === undefined) continue;
      into.set(s, best);
      changed = true;
    }
    if (!changed) break;
  }
  for (const s of order) {
    const p = root(s);
    if (p === s) continue;
    p.wins.push(...s.wins);
    p.support.push(...s.support);
    s.wins = [];
    s.support = [];
  }
  return stories.filter((s) => s.wins.length > 0);
}
