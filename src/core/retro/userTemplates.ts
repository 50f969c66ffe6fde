import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { FrontMatterData, parseMarkdown } from '../journal/frontMatter';
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
  /** Front matter to carry into each entry (everything but the template's own `name`/`description`/`type`). */
  extraFrontMatter: FrontMatterData;
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

/** Reads every `*.md` in `<journal>/templates/`, sorted by label. A missing folder means no user templates. */
export async function loadUserTemplates(journalFolder: string): Promise<UserTemplate[]> {
  const folder = path.join(journalFolder, TEMPLATES_FOLDER);
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return [];
  }
  const files = names.filter((n) => n.toLowerCase().endsWith('.md') && !n.startsWith('.')).sort();
  const templates = await Promise.all(
    files.map(async (file) => {
      try {
        return parseUserTemplate(path.join(folder, file), await fs.readFile(path.join(folder, file), 'utf8'));
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
  const { name, description, type, period, ...extraFrontMatter } = parsed.data;
  const label = typeof name === 'string' && name.trim() ? name.trim() : stem;
  let entryType = toTypeSlug(label);
  if (type !== undefined) {
    if (typeof type === 'string' && TYPE_PATTERN.test(type)) entryType = type;
    else problems.push(`its type ${JSON.stringify(type)} is not lower-case letters, digits and dashes, so "${entryType}" is used`);
  }
  let retroPeriod: RetroPeriod = 'day';
  if (period === 'day' || period === 'week' || period === 'sprint') retroPeriod = period;
  else if (period !== undefined) problems.push(`its period ${JSON.stringify(period)} is not day, week or sprint, so "day" is used`);
  return {
    source: 'user',
    id: `user:${file}`,
    label,
    description: typeof description === 'string' ? description : `${TEMPLATES_FOLDER}/${file}`,
    type: entryType,
    period: retroPeriod,
    path: filePath,
    extraFrontMatter,
    body: parsed.error ? text : parsed.body.replace(/^\s*\n/, ''),
    problems,
  };
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
