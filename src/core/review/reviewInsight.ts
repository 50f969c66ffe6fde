// The insight sections of a review, as Markdown: what changed, the brag document, feedback by
// theme, follow-through and goals. Each claim links the lines it came from, so the user can check it.
import { plural } from '../../shared/text';
import { BragStory, StoryLine } from './bragStories';
import { CommitmentFate, keptRate } from './commitmentFates';
import { FeedbackQuote, FeedbackTheme } from './feedbackThemes';
import { GoalEvidence } from './goalEvidence';
import { TurningPoint } from './turningPoints';

/** Stories shown in full before the appendix. */
export const TOP_STORIES = 15;


/** A link from reviews/ to the line of the entry a note came from. */
/** What a supporting line is, so it never reads as one more win: feedback, the drain it ended, the goal it moved. */
const SUPPORT_LABEL: Partial<Record<string, string>> = { feedback: 'Feedback: ', drains: 'It ended a drain: ', goals: 'Goal progress: ', energizers: 'Energized you: ' };

export function link(note: { date: string; path: string; line?: number }): string {
  return `[${note.date}](../${note.path}${note.line === undefined ? '' : `#L${note.line + 1}`})`;
}

/** A journal line quoted inside Markdown: one line, no table pipes, no stray emphasis. */
export const quote = (text: string): string => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();

export function turningPointLines(points: readonly TurningPoint[]): string[] {
  return points.flatMap((p) => {
    const around = p.around.map((a) => link(a)).join(', ');
    return [`- ${p.sentence}${around ? ` Entries around it: ${around}.` : ''}`];
  });
}

const span = (from: string, to: string): string => (from === to ? from : `${from} to ${to}`);

function storyLine(l: StoryLine): string {
  return `- ${quote(l.text)} (${link(l)})`;
}

/** The top stories in full; the rest are in the appendix with every win. */
export function bragLines(stories: readonly BragStory[]): string[] {
  const lines: string[] = [];
  stories.slice(0, TOP_STORIES).forEach((s, i) => {
    lines.push(`### ${i + 1}. ${quote(s.title)}`, '', `_${span(s.from, s.to)}${s.reasons.length ? ` · ${s.reasons.join(' · ')}` : ''}_`, '');
    lines.push(...s.wins.map(storyLine));
    if (s.support.length) lines.push(...s.support.map((l) => `- ${SUPPORT_LABEL[l.group] ?? ''}${quote(l.text)} (${link(l)})`));
    lines.push('');
  });
  if (stories.length > TOP_STORIES) lines.push(`And ${plural(stories.length - TOP_STORIES, 'smaller story', 'smaller stories')}: every win is in the appendix.`);
  else if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

const ARC: Record<FeedbackTheme['arc'], string> = {
  'critical-to-positive': 'critical, then positive',
  'positive-to-critical': 'positive, then critical',
  positive: 'positive',
  critical: 'critical',
  mixed: 'mixed',
};

/** What was said, as written (it names who said it), without the reaction. */
function quoteLine(q: FeedbackQuote): string {
  return `- ${quote(q.said)} (${link(q)})`;
}

/** Themes with their arc and quotes in date order; what was said, then, apart, how the user took it. */
export function feedbackLines(result: { themes: readonly FeedbackTheme[]; other: readonly FeedbackQuote[] }): string[] {
  const lines: string[] = [];
  for (const t of result.themes) {
    lines.push(`### ${t.label}: ${ARC[t.arc]}`, '', `${t.summary.replace(/\.?$/, '.')} Words that put feedback here: ${t.words.slice(0, 5).join(', ')}.`, '', ...t.quotes.map(quoteLine), '');
  }
  if (result.other.length) lines.push('### Other feedback', '', ...result.other.map(quoteLine), '');
  const reactions = [...result.themes.flatMap((t) => t.quotes), ...result.other].filter((q) => q.reaction).sort((a, b) => a.date.localeCompare(b.date) || a.line - b.line);
  if (reactions.length) lines.push('### How I took it', '', ...reactions.map((q) => `- ${q.date}: ${quote(q.reaction ?? '')} (${link(q)})`), '');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function keptSummary(fates: readonly CommitmentFate[]): string {
  if (fates.length === 0) return '';
  const { kept, dropped, open, rate } = keptRate(fates);
  const settled = kept + dropped;
  return `Kept ${kept} of ${plural(settled, 'commitment')} settled in the period${settled ? ` (${Math.round(rate * 100)}%)` : ''}; ${open} still open.`;
}

const FATE_MARK: Record<CommitmentFate['fate'], string> = { kept: 'kept', dropped: 'dropped', open: 'open' };

export function followThroughLines(fates: readonly CommitmentFate[]): string[] {
  if (fates.length === 0) return [];
  return [
    keptSummary(fates),
    '',
    ...fates.map((f) => {
      const evidence = f.evidence ? ` (${link(f.evidence)})` : '';
      return `- **${FATE_MARK[f.fate]}**: ${quote(f.text)} (${link(f)}): ${quote(f.reason)}${evidence}`;
    }),
  ];
}

const VERDICT: Record<GoalEvidence['verdict'], string> = { done: 'x', 'looks-achieved': ' ', abandoned: ' ', open: ' ' };

export function goalLines(goals: readonly GoalEvidence[]): string[] {
  return goals.map((g) => {
    const entries = new Set(g.lines.map((l) => l.path)).size;
    const because = g.because ? ` (${link(g.because)})` : '';
    const progress = g.lines.length ? `; written about in ${plural(entries, 'entry', 'entries')}` : '';
    return `- [${VERDICT[g.verdict]}] ${g.goal.title}${g.goal.due ? ` (due ${g.goal.due})` : ''}: ${quote(g.note)}${because}${progress}`;
  });
}
