import { SectionKind } from '../journal/sections';

/** What the "Worked on" section covers: the day, the last week or the sprint. */
export type RetroPeriod = 'day' | 'week' | 'sprint';

export interface BuiltInTemplate {
  source: 'built-in';
  id: string;
  label: string;
  description: string;
  /** Entry type: the file name suffix and the `type:` front matter. Templates of one type share a file a day. */
  type: string;
  period: RetroPeriod;
  sections: SectionKind[];
  /** Headings that differ from the usual wording in this template. */
  headings?: Partial<Record<SectionKind, string>>;
}

const DAILY: SectionKind[] = ['wentWell', 'didntGoWell', 'learned', 'energized', 'drained', 'feedback', 'goals', 'change'];
// Whom I helped is asked once a week or sprint, not every evening: a ten-minute daily retro stays
// short, and help is easier to see across days. Quick capture (Add Help) files it any day.
const ACROSS_DAYS: SectionKind[] = ['wentWell', 'didntGoWell', 'learned', 'energized', 'drained', 'feedback', 'helped', 'goals', 'change'];
const PERSONAL: SectionKind[] = ['energized', 'drained', 'feedback', 'goals', 'change'];

export const BUILT_IN_TEMPLATES: readonly BuiltInTemplate[] = [
  {
    source: 'built-in',
    id: 'end-of-day',
    label: 'End of day',
    description: 'Ten minutes on today: wins, misses, lessons, energy, feedback, goals',
    type: 'end-of-day',
    period: 'day',
    sections: DAILY,
  },
  {
    source: 'built-in',
    id: 'sprint',
    label: 'End of sprint',
    description: 'The sprint as a whole, then the daily questions across the sprint, and whom you helped',
    type: 'sprint',
    period: 'sprint',
    sections: ['sprintOverall', ...ACROSS_DAYS],
  },
  {
    source: 'built-in',
    id: 'sprint-start-stop-continue',
    label: 'End of sprint: Start / Stop / Continue',
    description: 'What to start, stop and continue doing next sprint',
    type: 'sprint',
    period: 'sprint',
    sections: ['sprintOverall', 'start', 'stop', 'continue', ...PERSONAL],
  },
  {
    source: 'built-in',
    id: 'sprint-4ls',
    label: 'End of sprint: 4Ls',
    description: 'Liked, learned, lacked, longed for',
    type: 'sprint',
    period: 'sprint',
    sections: ['sprintOverall', 'liked', 'learned', 'lacked', 'longedFor', ...PERSONAL],
    headings: { learned: 'Learned' },
  },
  {
    source: 'built-in',
    id: 'weekly',
    label: 'Weekly',
    description: 'The week in one sentence, then the daily questions across the week, and whom you helped',
    type: 'weekly',
    period: 'week',
    sections: ['weekInOneLine', ...ACROSS_DAYS],
  },
];

export function builtInTemplate(id: string): BuiltInTemplate | undefined {
  return BUILT_IN_TEMPLATES.find((t) => t.id === id);
}
