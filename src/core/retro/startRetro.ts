import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { collectWorkedOn, WorkedOn } from './workedOn';
import { openCommitments, previousRetro, RetroSlot } from './followThrough';
import { createFileExclusive, ensureFolder, entryPath, pathExists } from '../journal/journalFiles';
import { addDays, startOfDay, toIsoDate } from '../toolkit/localDates';
import { RetroContext, RetroDraft, renderBuiltInRetro, renderUserRetro } from './retroDraft';
import { BuiltInTemplate, RetroPeriod } from './retroTemplates';
import { SprintSettings, sprintContaining } from '../reminders/sprintPeriod';
import { UserTemplate, usesVariable } from './userTemplates';

export type RetroTemplate = BuiltInTemplate | UserTemplate;

export interface StartRetroRequest {
  /** Absolute, already resolved journal folder. */
  journalFolder: string;
  template: RetroTemplate;
  now: Date;
  /** Name written to the entry's `workspace:` field. */
  workspace: string;
  /** Folders whose git repositories feed "Worked on". */
  workspaceFolders: readonly string[];
  sprint: SprintSettings;
  /** False in an untrusted workspace: a repository's own config can run programs, so git must not run. */
  gitAllowed: boolean;
  gitPath?: string;
  /** The journal's entries as the index knows them, up to date: where the previous retro is found. Asked only when a retro is created. */
  entries(): Promise<readonly RetroSlot[]>;
  /** Feedback follow-ups due on the retro's day, listed in its feedback section. Asked only when a day's retro is created. */
  followUps?(): Promise<string[]>;
}

export interface StartRetroResult {
  path: string;
  /** False when today's retro of this type already existed and was left untouched. */
  created: boolean;
  /** Where to put the cursor in a new retro. */
  cursor?: RetroDraft['cursor'];
  unknownVariables: string[];
}

/** Path of the retro `template` would write today, whether or not it exists yet. */
export function todaysRetroPath(journalFolder: string, template: RetroTemplate, now: Date): string {
  return entryPath(journalFolder, toIsoDate(now), template.type);
}

/**
 * Writes today's retro for `template`, prefilled with the user's commits and the commitments still
 * open from the previous retro of the same type. If today's file exists, it is left as it is.
 */
export async function startRetro(req: StartRetroRequest): Promise<StartRetroResult> {
  // Checked first so an unusable setting is reported as the journal folder, not a subfolder.
  await ensureFolder(req.journalFolder);
  const target = todaysRetroPath(req.journalFolder, req.template, req.now);
  if (await pathExists(target)) return { path: target, created: false, unknownVariables: [] };

  const ctx = await buildContext(req);
  const draft = req.template.source === 'built-in' ? renderBuiltInRetro(req.template, ctx) : renderUserRetro(req.template, ctx);
  const outcome = await createFileExclusive(target, draft.text);
  return outcome === 'created'
    ? { path: target, created: true, cursor: draft.cursor, unknownVariables: draft.unknownVariables }
    : { path: target, created: false, unknownVariables: [] };
}

async function buildContext(req: StartRetroRequest): Promise<RetroContext> {
  const period: RetroPeriod = req.template.period;
  const today = startOfDay(req.now);
  const ctx: RetroContext = { date: req.now, workspace: req.workspace };
  let sinceLabel = 'since the start of today';
  let since = today;
  if (period === 'week') {
    since = addDays(today, -6);
    sinceLabel = `since ${toIsoDate(since)}`;
  } else if (period === 'sprint') {
    ctx.sprint = sprintContaining(req.now, req.sprint);
    since = ctx.sprint.start;
    sinceLabel = `since the sprint started on ${toIsoDate(since)}`;
  }
  if (period !== 'day') ctx.since = since;

  const showsCommits = req.template.source === 'built-in' || usesVariable(req.template.body, 'commits');
  const [workedOn, carried] = await Promise.all([
    showsCommits ? workedOnFor(req, since, sinceLabel) : Promise.resolve(undefined),
    carriedCommitments(req, toIsoDate(req.now)),
  ]);
  ctx.workedOn = workedOn;
  ctx.carried = carried;
  if (period === 'day' && req.followUps) ctx.followUps = await req.followUps().catch(() => []);
  return ctx;
}

function workedOnFor(req: StartRetroRequest, since: Date, sinceLabel: string): Promise<WorkedOn> {
  if (req.workspaceFolders.length === 0) {
    return Promise.resolve({ kind: 'none', reason: 'No folder is open, so there are no commits to list.' });
  }
  if (!req.gitAllowed) {
    return Promise.resolve({ kind: 'none', reason: 'This workspace is not trusted, so Reflect did not run git in it.' });
  }
  return collectWorkedOn(req.workspaceFolders, since, sinceLabel, req.gitPath);
}

async function carriedCommitments(req: StartRetroRequest, date: string): Promise<RetroContext['carried']> {
  const previous = previousRetro(await req.entries(), req.template.type, date);
  if (!previous) return undefined;
  try {
    return { date: previous.date, items: openCommitments(await fs.readFile(path.join(req.journalFolder, ...previous.path.split('/')), 'utf8')) };
  } catch {
    return undefined; // unreadable previous entry: start fresh rather than fail the retro
  }
}
