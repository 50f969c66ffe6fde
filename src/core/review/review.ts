import { plural } from '../../shared/text';
import { Goal, mentionsGoal } from '../growth/goals';
import { GrowthGroup } from '../../shared/noteKinds';
import { inPeriod, notesOf, GrowthNote } from '../growth/growthView';
import { IndexedEntry } from '../journal/journalIndex';
import { addDays, parseIsoDate, toIsoDate } from '../toolkit/localDates';
import { findPatterns, MIN_ENTRIES, Pattern, termsOf } from './patterns';
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
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthTitle = (isoDate: string): string => `${MONTHS[Number(isoDate.slice(5, 7)) - 1]} ${isoDate.slice(0, 4)}`;
const normalize = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** A link from reviews/ to the line of the entry a note came from. */
function link(note: { date: string; path: string; line: number }): string {
  return `[${note.date}](../${note.path}#L${note.line + 1})`;
}

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

/** Feedback grouped under the themes it shares with other feedback; the rest under "Other". */
function feedbackByTheme(feedback: GrowthNote[], themes: Pattern[]): string[] {
  const placed = new Set<GrowthNote>();
  const lines: string[] = [];
  for (const theme of themes) {
    const notes = feedback.filter((n) => !placed.has(n) && theme.sources.some((s) => s.path === n.path && s.line === n.line));
    if (notes.length < 2) continue;
    lines.push(`### ${theme.label} (${notes.length})`, '');
    for (const n of notes) {
      placed.add(n);
      lines.push(`- ${n.text} (${link(n)})`);
    }
    lines.push('');
  }
  const rest = feedback.filter((n) => !placed.has(n));
  if (rest.length > 0) {
    if (lines.length > 0) lines.push('### Other', '');
    for (const n of rest) lines.push(`- ${n.text} (${link(n)})`);
  } else if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function ranked(patterns: Pattern[]): string[] {
  if (patterns.length === 0) return [];
  return ['| Theme | Entries | For example |', '|---|---:|---|', ...patterns.slice(0, 5).map((p) => `| ${p.label} | ${p.entries} | ${p.sources[p.sources.length - 1].text.replace(/\|/g, '\\|')} |`)];
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

/** Each commitment of the period and what became of it in later entries. */
function commitments(changes: GrowthNote[], all: readonly IndexedEntry[]): string[] {
  return [...changes]
    .sort((a, b) => a.date.localeCompare(b.date) || a.line - b.line)
    .map((c) => {
      const key = normalize(c.text);
      const later = all.filter((e) => e.date > c.date && e.followUps.some((f) => normalize(f.text) === key));
      const ticked = later.find((e) => e.followUps.some((f) => normalize(f.text) === key && f.done));
      let fate: string;
      if (ticked) fate = `done (ticked on ${ticked.date})`;
      else if (c.done) fate = 'done';
      else if (later.length > 0) fate = `still open, last carried on ${later[later.length - 1].date}`;
      else fate = 'not mentioned again';
      return `- ${c.text} (${link(c)}): ${fate}`;
    });
}

function goalLines(goals: readonly Goal[], progress: GrowthNote[]): string[] {
  return goals.map((g) => {
    const mentions = progress.filter((n) => mentionsGoal(n.text, g));
    const retros = new Set(mentions.map((m) => m.path)).size;
    const last = mentions.length ? `, last on ${mentions.map((m) => m.date).sort().reverse()[0]}` : '';
    return `- [${g.done ? 'x' : ' '}] ${g.title}${g.due ? ` (due ${g.due})` : ''}: progress in ${plural(retros, 'retro')}${last}`;
  });
}

function patternLines(patterns: Pattern[]): string[] {
  return patterns.map((p) => {
    const dates = p.sources.map((s) => link(s));
    return `- **${p.group}**: "${p.label}" in ${p.entries} entries: ${[...new Set(dates)].join(', ')}`;
  });
}

/** What grew: tags and lesson themes seen for the first time, goals finished, the longest run. */
function momentum(input: ReviewInput, inside: IndexedEntry[], has: HasRetro, progress: GrowthNote[]): string[] {
  const before = input.entries.filter((e) => e.date < input.period.from);
  const seenTags = new Set(before.flatMap((e) => e.tags.map((t) => t.toLowerCase())));
  const firstTag = new Map<string, string>();
  for (const e of [...inside].sort((a, b) => a.date.localeCompare(b.date))) {
    for (const t of e.tags) if (!seenTags.has(t.toLowerCase()) && !firstTag.has(t)) firstTag.set(t, e.date);
  }
  const seenLessons = new Set(before.flatMap((e) => e.items.filter((i) => i.group === 'lessons').flatMap((i) => termsOf(i.text).filter((t) => t.kind === 'phrase').map((t) => t.key))));
  const phraseKey = (label: string): string => termsOf(label).find((t) => t.kind === 'phrase')?.key ?? label;
  const newLessons = findPatterns(inside, 2).filter((p) => p.group === 'lessons' && p.kind === 'phrase' && !seenLessons.has(phraseKey(p.label)));
  const finished = input.goals.filter((g) => g.done && progress.some((n) => mentionsGoal(n.text, g)));
  const lines: string[] = [];
  if (firstTag.size) lines.push(`- New tags: ${[...firstTag].map(([t, d]) => `#${t} (from ${d})`).join(', ')}`);
  if (newLessons.length) lines.push(`- New in your lessons: ${newLessons.map((p) => `"${p.label}"`).join(', ')}`);
  if (finished.length) lines.push(`- Goals finished: ${finished.map((g) => g.title).join(', ')}`);
  lines.push(`- Longest run of due retros written: ${plural(longestRun(input.period, input.schedule, has), 'retro')}`);
  return lines;
}

/** The review of a period as a Markdown document, deterministic for the same journal and inputs. */
export function renderReview(input: ReviewInput): string {
  const { period } = input;
  const inside = input.entries.filter((e) => inPeriod(e.date, period)).sort((a, b) => a.date.localeCompare(b.date) || a.path.localeCompare(b.path));
  const has = hasRetroIn(input.entries);
  const notes = (group: GrowthGroup): GrowthNote[] => notesOf(group, input.entries, period);
  const wins = notes('wins');
  const feedback = notes('feedback');
  const lessons = notes('lessons').sort((a, b) => a.date.localeCompare(b.date) || a.line - b.line);
  const progress = notes('goals');
  const { due, written } = retrosDue(period, input.schedule, has);
  const recurring = findPatterns(inside, 2);
  const patterns = findPatterns(inside);
  const byGroup = (g: GrowthGroup): Pattern[] => recurring.filter((p) => p.group === g);

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
      `${plural(wins.length, 'win')}, ${plural(feedback.length, 'piece')} of feedback, ${plural(lessons.length, 'lesson')}.`,
    '',
    ...section('Wins', winsByMonth(wins), 'No wins written down in this period.'),
    ...section('Setbacks', notes('setbacks').sort((a, b) => a.date.localeCompare(b.date) || a.line - b.line).map((n) => `- ${n.text} (${link(n)})`), 'No setbacks written down in this period.'),
    ...section('Feedback', feedbackByTheme(feedback, byGroup('feedback')), 'No feedback written down in this period.'),
    ...section('Lessons', lessons.map((n) => `- ${n.text} (${link(n)})`), 'No lessons written down in this period.'),
    ...section('Goals', goalLines(input.goals, progress), 'No goals in goals.md yet.'),
    ...section('What energized me, most recurring first', ranked(byGroup('energizers')), 'Nothing energizing came up in two or more entries.'),
    ...section('What drained me, most recurring first', ranked(byGroup('drains')), 'Nothing draining came up in two or more entries.'),
    ...section('Energy by week', energyTable(inside, period), 'No energy ratings in this period.'),
    ...section('Changes I committed to', commitments(notes('changes'), input.entries), 'No commitments in this period.'),
    ...section(`Patterns (in ${MIN_ENTRIES} or more entries)`, patternLines(patterns), 'No theme came up in three or more entries of one kind.'),
    ...section('Momentum', momentum(input, inside, has, progress), ''),
  ];
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
