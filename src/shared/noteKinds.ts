// The one vocabulary for the kinds of notes in a journal: every `##` section a retro can have,
// the Growth Notes group it feeds, and the quick-capture kinds that write to it. The tree's groups,
// the capture commands and the panel's capture menu are all derived from these tables.
// Imported by the webview too: no VS Code, no Node.

/** The Growth Notes groups, in the order the tree shows them. */
export const GROWTH_GROUPS = ['goals', 'wins', 'setbacks', 'feedback', 'lessons', 'energizers', 'drains', 'changes', 'helping'] as const;
export type GrowthGroup = (typeof GROWTH_GROUPS)[number];

export const GROUP_LABELS: Record<GrowthGroup, string> = {
  goals: 'Goals',
  wins: 'Wins',
  setbacks: 'Setbacks',
  feedback: 'Feedback',
  lessons: 'Lessons',
  energizers: 'Energizers',
  drains: 'Drains',
  changes: 'Changes I committed to',
  helping: 'Helping others',
};

interface SectionSpec {
  /** The heading new retros write. */
  heading: string;
  /** The Growth Notes group its bullets feed, if any. */
  group?: GrowthGroup;
}

/** Every kind of retro section. "Last time" holds carried commitments; "Notes" is where quick capture's notes go. */
export const SECTIONS = {
  lastTime: { heading: 'Last time' },
  workedOn: { heading: 'Worked on' },
  sprintOverall: { heading: 'The sprint as a whole' },
  wentWell: { heading: 'What went well?', group: 'wins' },
  didntGoWell: { heading: "What didn't go well?", group: 'setbacks' },
  learned: { heading: 'What did I learn?', group: 'lessons' },
  energized: { heading: 'What energized me?', group: 'energizers' },
  drained: { heading: 'What drained me?', group: 'drains' },
  feedback: { heading: 'Feedback I got or asked for', group: 'feedback' },
  // Mentoring, reviews, unblocking someone: the help a promotion case and a 1:1 ask about.
  helped: { heading: 'Helped others', group: 'helping' },
  goals: { heading: 'Progress on my goals', group: 'goals' },
  change: { heading: "One thing I'll do differently", group: 'changes' },
  start: { heading: 'Start doing', group: 'changes' },
  stop: { heading: 'Stop doing', group: 'changes' },
  // What works and should go on: a win, as a coach would file it.
  continue: { heading: 'Continue doing', group: 'wins' },
  liked: { heading: 'Liked', group: 'wins' },
  lacked: { heading: 'Lacked', group: 'setbacks' },
  longedFor: { heading: 'Longed for', group: 'setbacks' },
  weekInOneLine: { heading: 'The week in one sentence' },
  notes: { heading: 'Notes' },
  // What to raise in the next 1:1: read by Prepare 1:1, not a Growth Notes group.
  oneOnOne: { heading: 'For my 1:1' },
} as const satisfies Record<string, SectionSpec>;

export type SectionKind = keyof typeof SECTIONS;

interface CaptureSpec {
  section: SectionKind;
  /** The menu label, and the noun in messages ("Win added to today's entry."). */
  label: string;
  /** The input's placeholder in the panel. */
  placeholder: string;
  /** The noun in messages when the menu label is not one ("Help added", not "Helped added"). */
  noun?: string;
  /** Written as a task (`- [ ] …`), so ticking it later keeps it: a promise. */
  task?: boolean;
}

/** What quick capture can add to today's entry, in the order the panel's menu lists them. */
export const CAPTURES = {
  note: { section: 'notes', label: 'Note', placeholder: 'A note for today' },
  win: { section: 'wentWell', label: 'Win', placeholder: 'A win, however small' },
  feedback: { section: 'feedback', label: 'Feedback', placeholder: 'Feedback you got or gave' },
  helped: { section: 'helped', label: 'Helped', placeholder: 'Someone you helped, and how', noun: 'Help' },
  lesson: { section: 'learned', label: 'Lesson', placeholder: 'Something you learned' },
  energizer: { section: 'energized', label: 'Energizer', placeholder: 'What gave you energy' },
  drain: { section: 'drained', label: 'Drain', placeholder: 'What drained you' },
  promise: { section: 'change', label: 'Promise', placeholder: 'What you promised whom, by when: send @sam the runbook by Fri', task: true },
  oneOnOne: { section: 'oneOnOne', label: 'For my 1:1', placeholder: 'Something to raise in your next 1:1', noun: 'Note for your 1:1' },
} as const satisfies Record<string, CaptureSpec>;

/** The text after the bullet for a capture: a promise is a task to tick. */
export function captureBullet(kind: CaptureKind, text: string): string {
  const spec: CaptureSpec = CAPTURES[kind];
  return spec.task ? `[ ] ${text}` : text;
}

/** The noun for a capture kind in messages: "Win", "Help". */
export function captureNoun(kind: CaptureKind): string {
  const spec: CaptureSpec = CAPTURES[kind];
  return spec.noun ?? spec.label;
}

export type CaptureKind = keyof typeof CAPTURES;
export const CAPTURE_KINDS = Object.keys(CAPTURES) as CaptureKind[];

/** The group a section's bullets feed, if any. */
export function groupOfSection(kind: SectionKind): GrowthGroup | undefined {
  const spec: SectionSpec = SECTIONS[kind];
  return spec.group;
}
