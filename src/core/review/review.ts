import { plural } from '../../shared/text';
import { Goal } from '../growth/goals';
import { GrowthGroup } from '../../shared/noteKinds';
import { inPeriod, notesOf, GrowthNote } from '../growth/growthView';
import { IndexedEntry } from '../journal/journalIndex';
import { influenceLines, ReviewPeople } from './influence';
import { isRequestText } from '../people/feedbackRequests';
import { runSliced, Steps, yieldToEventLoop } from '../toolkit/async';
import { addDays, monthName, parseIsoDate, shortDate, toIsoDate } from '../toolkit/localDates';
import { bragStories } from './bragStories';
import { commitmentSteps, keptRate } from './commitmentFates';
import { feedbackThemes } from './feedbackThemes';
import { goalEvidence } from './goalEvidence';
import { MIN_ENTRIES, Pattern, patternSteps, termsOf } from './patterns';
import { bragLines, feedbackLines, followThroughLines, goalLines, link, quote, turningPointLines } from './reviewInsight';
import { TurningPoint, turningPoints } from './turningPoints';
import { wordsOf } from './words';
import { HasRetro, hasRetroIn, isWorkday, kindOn, ReminderSettings } from '../reminders/reminderSchedule';

export interface ReviewPeriod {
  /** Inclusive `YYYY-MM-DD` bounds. */
  from: string;
  to: string;
  /** How the user chose it: "Last quarter". */
  label: string;
}

export interface ReviewInput {
  /** Every entry of the journal (earlier ones tell what is new in the period). */
  entries: readonly IndexedEntry[];
  goals: readonly Goal[];
  period: ReviewPeriod;
  schedule: ReminderSettings;
  /** The day the review is written. */
  today: string;
  /** Feedback asked for and answered, read from the entry files: the Influence section. */
  people?: ReviewPeople;
}

const monthTitle = (isoDate: string): string => `${monthName(isoDate)} ${isoDate.slice(0, 4)}`;

/** Retros due in the period (each workday, the sprint retro on a sprint's last one) and how many were written. */
export function retrosDue(period: ReviewPeriod, s: ReminderSettings, has: HasRetro): { due: number; written: number } {
  let due = 0;
  let written = 0;
  const end = parseIsoDate(period.to)!;
  for (let day = parseIsoDate(period.from)!; day <= end; day = addDays(day, 1)) {
    if (!isWorkday(day, s)) continue;
    due++;
    const iso = toIsoDate(day);
    const ok = kindOn(day, s) === 'sprint' ? has(iso, 'sprint') : has(iso, 'daily') || has(iso, 'sprint');
    if (ok) written++;
  }
  return { due, written };
}

/** Longest run of due retros written in a row within the period (missed workdays break it). */
function longestRun(period: ReviewPeriod, s: ReminderSettings, has: HasRetro): number {
  let best = 0;
  let run = 0;
  const end = parseIsoDate(period.to)!;
  for (let day = parseIsoDate(period.from)!; day <= end; day = addDays(day, 1)) {
    if (!isWorkday(day, s)) continue;
    const iso = toIsoDate(day);
    const ok = kindOn(day, s) === 'sprint' ? has(iso, 'sprint') : has(iso, 'daily') || has(iso, 'sprint');
    run = ok ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

/** Monday of the week `isoDate` falls in. */
function weekStart(isoDate: string): string {
  const d = parseIsoDate(isoDate)!;
  return toIsoDate(addDays(d, -((d.getDay() + 6) % 7)));
}

function section(title: string, body: string[], empty: string): string[] {
  return [`## ${title}`, '', ...(body.length > 0 ? body : [`_${empty}_`]), ''];
}

function winsByMonth(wins: GrowthNote[]): string[] {
  const lines: string[] = [];
  let month = '';
  for (const win of [...wins].sort((a, b) => a.date.localeCompare(b.date) || a.line - b.line)) {
    if (win.date.slice(0, 7) !== month) {
      month = win.date.slice(0, 7);
      if (lines.length > 0) lines.push('');
      lines.push(`### ${monthTitle(win.date)}`, '');
    }
    lines.push(`- ${win.text} (${link(win)})`);
  }
  return lines;
}

/** Rows a table shows: the most recurring first; eight at most, where eight would be noise. */
const TABLE_ROWS = 6;

/**
 * The example: the newest line, with the words that put it in the row in bold. With a turning
 * point, the newest from the side where the theme was most written, so it shows the theme at its usual.
 */
function example(p: Pattern, turn?: TurningPoint): string {
  let pool = p.sources;
  if (turn) {
    const before = p.sources.filter((s) => s.date < turn.date);
    pool = before.length * 2 > p.sources.length ? before : p.sources.filter((s) => s.date >= turn.date);
  }
  const s = pool[pool.length - 1];
  const at = s.text.indexOf(s.match);
  const text = at < 0 ? s.text : `${s.text.slice(0, at)}**${s.match}**${s.text.slice(at + s.match.length)}`;
  return `${quote(text)} (${link(s)})`;
}

/** Recurring energizers or drains; with a turning point, how many entries had each before and after it. */
function ranked(patterns: Pattern[], turn: TurningPoint | undefined): string[] {
  if (patterns.length === 0) return [];
  const rows = patterns.slice(0, TABLE_ROWS);
  if (!turn) return ['| Theme | Entries | For example |', '|---|---:|---|', ...rows.map((p) => `| ${p.label} | ${p.entries} | ${example(p)} |`)];
  const split = (p: Pattern): [number, number] => {
    const before = new Set(p.sources.filter((s) => s.date < turn.date).map((s) => s.path)).size;
    return [before, p.entries - before];
  };
  const day = shortDate(turn.date);
  return [
    `| Theme | Entries | Before ${day} | From ${day} | For example |`,
    '|---|---:|---:|---:|---|',
    ...rows.map((p) => `| ${p.label} | ${p.entries} | ${split(p)[0]} | ${split(p)[1]} | ${example(p, turn)} |`),
  ];
}

function energyTable(entries: IndexedEntry[], period: ReviewPeriod): string[] {
  const weeks = new Map<string, number[]>();
  for (let w = weekStart(period.from); w <= period.to; w = toIsoDate(addDays(parseIsoDate(w)!, 7))) weeks.set(w, []);
  for (const e of entries) if (e.energy !== undefined) weeks.get(weekStart(e.date))?.push(e.energy);
  if ([...weeks.values()].every((v) => v.length === 0)) return [];
  const rows = [...weeks].map(([week, values]) => {
    const avg = values.length ? (values.reduce((a, b) => a + b, 0) / values.length).toFixed(1) : '–';
    return `| ${week} | ${values.length} | ${avg} |`;
  });
  return ['| Week of | Retros with energy | Average (1–5) |', '|---|---:|---:|', ...rows];
}

function patternLines(patterns: Pattern[]): string[] {
  return patterns.map((p) => {
    const dates = p.sources.map((s) => link(s));
    return `- **${p.group}**: "${p.label}" in ${p.entries} entries: ${[...new Set(dates)].join(', ')}`;
  });
}

/** What grew: tags and lesson themes seen for the first time, goals finished, the longest run. */
function momentum(input: ReviewInput, inside: IndexedEntry[], recurring: readonly Pattern[], has: HasRetro, finished: readonly Goal[]): string[] {
  const before = input.entries.filter((e) => e.date < input.period.from);
  const seenTags = new Set(before.flatMap((e) => e.tags.map((t) => t.toLowerCase())));
  const firstTag = new Map<string, string>();
  for (const e of [...inside].sort((a, b) => a.date.localeCompare(b.date))) {
    for (const t of e.tags) if (!seenTags.has(t.toLowerCase()) && ![...firstTag.keys()].some((k) => k.toLowerCase() === t.toLowerCase())) firstTag.set(t, e.date);
  }
  // A recurring lesson phrase is new unless an earlier lesson has it. Earlier lessons can be years
  // of lines: only those that contain the phrase's words as written are read.
  const candidates = recurring.filter((p) => p.group === 'lessons' && p.kind === 'phrase');
  const newLessons = candidates.filter((p) => {
    const key = termsOf(p.label).find((t) => t.kind === 'phrase')?.key ?? '';
    // A stem but its last letter is written in every form of the word ("happi": "happy"; "tri": "try").
    const starts = key.split(' ').map((stem) => stem.slice(0, Math.max(2, Math.min(4, stem.length - 1))));
    const mayHave = (text: string): boolean => starts.every((s) => text.toLowerCase().includes(s));
    return !before.some((e) => e.items.some((i) => i.group === 'lessons' && mayHave(i.text) && termsOf(i.text).some((t) => t.key === key)));
  });
  const lines: string[] = [];
  if (firstTag.size) lines.push(`- New tags: ${[...firstTag].map(([t, d]) => `#${t} (from ${d})`).join(', ')}`);
  if (newLessons.length) lines.push(`- New in your lessons: ${newLessons.map((p) => `"${p.label}"`).join(', ')}`);
  if (finished.length) lines.push(`- Goals finished: ${finished.map((g) => g.title).join(', ')}`);
  lines.push(`- Longest run of due retros written: ${plural(longestRun(input.period, input.schedule, has), 'retro')}`);
  return lines;
}

/** Reads (and so remembers) the words of every line from `from` on, one entry at a step. */
function* readLines(entries: readonly IndexedEntry[], from: string): Steps<void> {
  for (const e of entries) {
    if (e.date < from) continue;
    for (const item of e.items) wordsOf(item.text);
    yield;
  }
}

const byDateLine = (a: GrowthNote, b: GrowthNote): number => a.date.localeCompare(b.date) || a.path.localeCompare(b.path) || a.line - b.line;

/**
 * The review of a period as a Markdown document, deterministic for the same journal and inputs.
 * Each part is computed between turns of the event loop, so a long journal never freezes the editor.
 */
export async function renderReview(input: ReviewInput): Promise<string> {
  const { period } = input;
  const inside = input.entries.filter((e) => inPeriod(e.date, period)).sort((a, b) => a.date.localeCompare(b.date) || a.path.localeCompare(b.path));
  const has = hasRetroIn(input.entries);
  const notes = (group: GrowthGroup): GrowthNote[] => notesOf(group, input.entries, period);
  const wins = notes('wins');
  // Feedback received: requests for it are counted in Influence.
  const feedbackCount = notes('feedback').filter((n) => !isRequestText(n.text)).length;
  const lessons = notes('lessons').sort(byDateLine);
  const { due, written } = retrosDue(period, input.schedule, has);
  // Every part reads the period's lines; each is read once here, a few at a time.
  await runSliced(readLines(input.entries, period.from));
  const stories = bragStories(input.entries, period);
  await yieldToEventLoop();
  const feedback = feedbackThemes(input.entries, period);
  await yieldToEventLoop();
  const fates = await runSliced(commitmentSteps(input.entries, period));
  const goals = goalEvidence(input.goals, input.entries, period);
  await yieldToEventLoop();
  const turns = turningPoints(input.entries, period);
  await yieldToEventLoop();
  const recurring = await runSliced(patternSteps(inside, 2));
  const patterns = recurring.filter((p) => p.entries >= MIN_ENTRIES);
  const byGroup = (g: GrowthGroup): Pattern[] => recurring.filter((p) => p.group === g);
  const rate = keptRate(fates);
  const settled = rate.kept + rate.dropped;
  const finished = goals.filter((g) => g.verdict === 'done' && g.lines.length > 0).map((g) => g.goal);
  const grew = momentum(input, inside, recurring, has, finished);
  await yieldToEventLoop();

  const out: string[] = [
    '---',
    'type: review',
    `period: ${JSON.stringify(period.label)}`,
    `from: ${period.from}`,
    `to: ${period.to}`,
    `generated: ${input.today}`,
    '---',
    '',
    `# Review: ${period.label} (${period.from} to ${period.to})`,
    '',
    `${plural(inside.length, 'entry', 'entries')}; ${written} of ${plural(due, 'due retro')} written${due ? ` (${Math.round((written / due) * 100)}%)` : ''}. ` +
      `${plural(wins.length, 'win')}, ${plural(feedbackCount, 'piece')} of feedback, ${plural(lessons.length, 'lesson')}.` +
      (settled ? ` Kept ${rate.kept} of ${plural(settled, 'commitment')} (${Math.round(rate.rate * 100)}%).` : ''),
    '',
    ...section('What changed', turningPointLines(turns), 'Nothing changed sharply: energy, drains and energizers held steady.'),
    ...section('Brag document', bragLines(stories), 'No wins written down in this period.'),
    ...section('Feedback by theme', feedbackLines(feedback), 'No feedback written down in this period.'),
    ...section('Follow-through', followThroughLines(fates), 'No commitments in this period.'),
    ...section('Influence', influenceLines(input.entries, period, input.today, input.people), 'No feedback asked for, no promise to someone with a day, and no help written down in this period.'),
    ...section('Goals', goalLines(goals), 'No goals in goals.md yet.'),
    ...section('Setbacks', notes('setbacks').sort(byDateLine).map((n) => `- ${quote(n.text)} (${link(n)})`), 'No setbacks written down in this period.'),
    ...section('Lessons', lessons.map((n) => `- ${quote(n.text)} (${link(n)})`), 'No lessons written down in this period.'),
    ...section('What energized me, most recurring first', ranked(byGroup('energizers'), turns[0]), 'Nothing energizing came up in two or more entries.'),
    ...section('What drained me, most recurring first', ranked(byGroup('drains'), turns[0]), 'Nothing draining came up in two or more entries.'),
    ...section('Energy by week', energyTable(inside, period), 'No energy ratings in this period.'),
    ...section(`Patterns (in ${MIN_ENTRIES} or more entries)`, patternLines(patterns), 'No theme came up in three or more entries of one kind.'),
    ...section('Momentum', grew, ''),
    ...section('Appendix: every win', winsByMonth(wins), 'No wins written down in this period.'),
  ];
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
