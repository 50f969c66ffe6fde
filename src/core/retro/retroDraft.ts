import { renderFrontMatter } from '../journal/frontMatter';
import { Commit, WorkedOn } from './workedOn';
import { toIsoDate, weekdayName } from '../toolkit/localDates';
import { headingOf, SECTION_HEADINGS, sectionKindOf } from '../journal/sections';
import { BuiltInTemplate, RetroPeriod } from './retroTemplates';
import { SprintPeriod } from '../reminders/sprintPeriod';
import { TemplateVariable, UserTemplate, substituteVariables } from './userTemplates';

export interface RetroContext {
  /** The day the retro reflects on. */
  date: Date;
  workspace: string;
  /** The sprint the retro closes, for sprint retros. */
  sprint?: SprintPeriod;
  /** First day the retro covers, for weekly and sprint retros. */
  since?: Date;
  /** Undefined when the template does not show commits (so git never ran). */
  workedOn?: WorkedOn;
  /** Open commitments carried from the previous retro of the same type. */
  carried?: { date: string; items: string[] };
  /** Feedback requests whose follow-up day has come ("Ask Priya again about the design doc"). */
  followUps?: string[];
}

export interface RetroDraft {
  text: string;
  /** Where the cursor goes: the first answer line (0-based, within `text`). */
  cursor: { line: number; character: number };
  /** `{{names}}` in a user template that Reflect does not know; left as written. */
  unknownVariables: string[];
}

const ENERGY_COMMENT = '1 (drained) to 5 (energized)';

function baseFrontMatter(type: string, period: RetroPeriod, ctx: RetroContext): Record<string, unknown> {
  const data: Record<string, unknown> = { type, date: toIsoDate(ctx.date) };
  if (period === 'sprint' && ctx.sprint?.number !== undefined) data.sprint = ctx.sprint.number;
  if (period !== 'day' && ctx.since) data.since = toIsoDate(ctx.since);
  data.workspace = ctx.workspace;
  data.energy = null;
  data.tags = [];
  return data;
}

export function sprintLabel(sprint: SprintPeriod): string {
  const range = `${toIsoDate(sprint.start)} to ${toIsoDate(sprint.end)}`;
  return sprint.number === undefined ? range : `Sprint ${sprint.number} (${range})`;
}

function commitLine(c: Commit): string {
  return `- ${c.repo}: ${c.subject}`;
}

/** The body of the "Worked on" section: one bullet per commit, or one line saying why there are none. */
export function workedOnLines(workedOn: WorkedOn): string[] {
  return workedOn.kind === 'commits' ? workedOn.commits.map(commitLine) : [`_${workedOn.reason}_`];
}

function lastTimeLines(carried: { date: string; items: string[] }): string[] {
  return [
    `## ${SECTION_HEADINGS.lastTime}`,
    `_Still open from your retro of ${carried.date}: tick what you did, delete what you are dropping._`,
    ...carried.items.map((item) => `- [ ] ${item}`),
    '',
  ];
}

export function renderBuiltInRetro(template: BuiltInTemplate, ctx: RetroContext): RetroDraft {
  const date = toIsoDate(ctx.date);
  const lines: string[] = [`# ${template.label} · ${weekdayName(ctx.date)} ${date}`, ''];
  if (template.period === 'sprint' && ctx.sprint) lines.push(`_${sprintLabel(ctx.sprint)}_`, '');
  if (ctx.carried && ctx.carried.items.length > 0) lines.push(...lastTimeLines(ctx.carried));
  if (ctx.workedOn) lines.push(`## ${SECTION_HEADINGS.workedOn}`, ...workedOnLines(ctx.workedOn), '');
  for (const kind of template.sections) {
    lines.push(`## ${template.headings?.[kind] ?? SECTION_HEADINGS[kind]}`);
    // A quote, not a bullet: a reminder to act on, never read back as feedback received.
    if (kind === 'feedback') for (const followUp of ctx.followUps ?? []) lines.push(`> Follow up: ${followUp}`);
    lines.push('- ', '');
  }
  const text = renderFrontMatter(baseFrontMatter(template.type, template.period, ctx), { energy: ENERGY_COMMENT }) + '\n' + lines.join('\n');
  return { text, cursor: firstAnswerPosition(text), unknownVariables: [] };
}

export function templateVariables(ctx: RetroContext): Record<TemplateVariable, string> {
  return {
    date: toIsoDate(ctx.date),
    weekday: weekdayName(ctx.date),
    workspace: ctx.workspace,
    sprint: ctx.sprint ? sprintLabel(ctx.sprint) : '',
    commits: ctx.workedOn ? workedOnLines(ctx.workedOn).join('\n') : '',
  };
}

export function renderUserRetro(template: UserTemplate, ctx: RetroContext): RetroDraft {
  const { text: body, unknown } = substituteVariables(template.body, templateVariables(ctx));
  // The template's `sections:` map is not among its extra keys: the index reads it from the
  // template itself, so entries stay free of it.
  const frontMatter = { ...baseFrontMatter(template.type, template.period, ctx), ...template.extraFrontMatter };
  let bodyLines = body.split(/\r?\n/);
  if (ctx.carried && ctx.carried.items.length > 0) {
    // Keep a leading `# Title` on top; "Last time" goes right under it.
    const at = /^#[ \t]/.test(bodyLines[0] ?? '') ? 1 : 0;
    const section = lastTimeLines(ctx.carried);
    if (bodyLines[at] === '') section.pop(); // the template already has a blank line there
    const insert = at === 1 ? ['', ...section] : section;
    bodyLines = [...bodyLines.slice(0, at), ...insert, ...bodyLines.slice(at)];
  }
  const text = renderFrontMatter(frontMatter, 'energy' in template.extraFrontMatter ? {} : { energy: ENERGY_COMMENT }) + '\n' + bodyLines.join('\n');
  return { text, cursor: firstAnswerPosition(text), unknownVariables: unknown };
}

const EMPTY_ANSWER = /^\s*([-*+]( \[ \])?)?\s*$/;

/**
 * The first place to type an answer: the first empty bullet (or blank line) under the first
 * `##` prompt that is not Reflect's own "Last time" / "Worked on" section.
 */
export function firstAnswerPosition(text: string): { line: number; character: number } {
  const lines = text.split(/\r?\n/);
  let inPrompt = false;
  let promptLine = -1;
  for (let i = 0; i < lines.length; i++) {
    const h2 = headingOf(lines[i]);
    if (h2?.level === 2 && h2.text) {
      if (inPrompt) break;
      const kind = sectionKindOf(h2.text);
      inPrompt = kind !== 'lastTime' && kind !== 'workedOn';
      if (inPrompt) promptLine = i;
      continue;
    }
    if (inPrompt && EMPTY_ANSWER.test(lines[i])) return { line: i, character: lines[i].length };
  }
  if (promptLine >= 0) return { line: promptLine, character: lines[promptLine].length };
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}
