import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { FrontMatterData, parseMarkdown } from '../journal/frontMatter';
import { HeadingGroups, headingGroups, TemplateSections, templateSectionsOf } from '../journal/templateSections';
import { GROWTH_GROUPS, GrowthGroup } from '../../shared/noteKinds';
import { RetroPeriod } from './retroTemplates';

export interface UserTemplate {
  source: 'user';
  /** `user:<file name>`; stable while the file keeps its name. */
  id: string;
  label: string;
  description: string;
  type: string;
  /** What "Worked on" and `{{sprint}}` cover: front matter `period: day | week | sprint` (default day). */
  period: RetroPeriod;
  /** Absolute path of the template file. */
  path: string;
  /** Front matter to carry into each entry (everything but the template's own `name`, `description`, `type`, `period` and `sections`). */
  extraFrontMatter: FrontMatterData;
  /**
   * Front matter `sections: { "What hurt": drains }`: its headings (normalized) → Growth Notes
   * groups. Never copied into entries: the index applies it to every entry of this type.
   */
  sections: HeadingGroups;
  body: string;
  /** Problems worth telling the user about (broken front matter, a type that was replaced). */
  problems: string[];
}

export const TEMPLATES_FOLDER = 'templates';
export const TEMPLATE_VARIABLES = ['date', 'weekday', 'workspace', 'sprint', 'commits'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

const TYPE_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** Turns a name into an entry type usable in a file name: "On-call Week!" → "on-call-week". */
export function toTypeSlug(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'retro';
}

/**
 * Reads every `*.md` in `<journal>/templates/`, sorted by label. A missing folder means no user
 * templates. Links are never followed, as everywhere in the journal: a templates folder or a
 * template that is a link (it may lead anywhere) is skipped.
 */
export async function loadUserTemplates(journalFolder: string): Promise<UserTemplate[]> {
  const folder = path.join(journalFolder, TEMPLATES_FOLDER);
  let names: string[];
  try {
    if (!(await fs.lstat(folder)).isDirectory()) return [];
    names = await fs.readdir(folder);
  } catch {
    return [];
  }
  const files = names.filter((n) => n.toLowerCase().endsWith('.md') && !n.startsWith('.')).sort();
  const templates = await Promise.all(
    files.map(async (file) => {
      const filePath = path.join(folder, file);
      try {
        if (!(await fs.lstat(filePath)).isFile()) return undefined; // a link or a folder: not read
        return parseUserTemplate(filePath, await fs.readFile(filePath, 'utf8'));
      } catch {
        return undefined; // unreadable (a folder named *.md, permissions): not a template
      }
    }),
  );
  return templates.filter((t): t is UserTemplate => t !== undefined).sort((a, b) => a.label.localeCompare(b.label));
}

export function parseUserTemplate(filePath: string, text: string): UserTemplate {
  const file = path.basename(filePath);
  const stem = file.replace(/\.md$/i, '');
  const parsed = parseMarkdown(text);
  const problems: string[] = [];
  if (parsed.error) problems.push(`its front matter could not be read (${parsed.error}), so it is used as plain text`);
  const { name, description, type, period, sections, ...extraFrontMatter } = parsed.data;
  const label = typeof name === 'string' && name.trim() ? name.trim() : stem;
  let entryType = toTypeSlug(label);
  if (type !== undefined) {
    if (typeof type === 'string' && TYPE_PATTERN.test(type)) entryType = type;
    else problems.push(`its type ${JSON.stringify(type)} is not lower-case letters, digits and dashes, so "${entryType}" is used`);
  }
  let retroPeriod: RetroPeriod = 'day';
  if (period === 'day' || period === 'week' || period === 'sprint') retroPeriod = period;
  else if (period !== undefined) problems.push(`its period ${JSON.stringify(period)} is not day, week or sprint, so "day" is used`);
  // An empty `sections:` (null) says nothing; anything else that is no map is worth a word.
  if (sections !== undefined && sections !== null && (typeof sections !== 'object' || Array.isArray(sections))) {
    problems.push('its sections is not a map of headings to Growth Notes groups, so its headings are read by their meaning');
  }
  const headingMap = headingGroups(sections, (heading, group) =>
    problems.push(`its sections map "${heading}" to ${JSON.stringify(group)}, which is not one of ${GROWTH_GROUPS.join(', ')}, so that heading is read by its meaning`),
  );
  return {
    source: 'user',
    id: `user:${file}`,
    label,
    description: typeof description === 'string' ? description : `${TEMPLATES_FOLDER}/${file}`,
    type: entryType,
    period: retroPeriod,
    path: filePath,
    extraFrontMatter,
    sections: headingMap,
    body: parsed.error ? text : parsed.body.replace(/^\s*\n/, ''),
    problems,
  };
}

/**
 * Every user template's `sections:` map by the entry type it writes, for the index. Built on
 * `loadUserTemplates`, so types are the very ones Start Retro writes. Two templates of one type
 * share it; where both map a heading, the first by label wins.
 */
export async function loadTemplateSections(journalFolder: string): Promise<TemplateSections> {
  const byType = new Map<string, Map<string, GrowthGroup>>();
  for (const template of await loadUserTemplates(journalFolder)) {
    const groups = byType.get(template.type) ?? new Map<string, GrowthGroup>();
    for (const [heading, group] of template.sections) if (!groups.has(heading)) groups.set(heading, group);
    byType.set(template.type, groups);
  }
  return templateSectionsOf(byType);
}

export interface Substitution {
  text: string;
  /** Variables written as `{{name}}` that Reflect does not know; they are left as written. */
  unknown: string[];
}

/** Replaces `{{variable}}` (spaces allowed inside the braces). Unknown names stay exactly as written. */
export function substituteVariables(body: string, values: Record<TemplateVariable, string>): Substitution {
  const unknown = new Set<string>();
  const text = body.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (match, name: string) => {
    if ((TEMPLATE_VARIABLES as readonly string[]).includes(name)) return values[name as TemplateVariable];
    unknown.add(name);
    return match;
  });
  return { text, unknown: [...unknown] };
}

export function usesVariable(body: string, name: TemplateVariable): boolean {
  return new RegExp(`\\{\\{\\s*${name}\\s*\\}\\}`).test(body);
}
