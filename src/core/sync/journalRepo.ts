// Where the journal's own git repository lives and what must never leak into the repository the
// user works in. Everything here decides from the file system alone: finding the enclosing work
// tree and writing its exclude file never runs git, so no repository config gets a say.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { GOALS_FILE } from '../growth/goals';
import { ONE_ON_ONES_FOLDER } from '../people/oneOnOne';
import { PEOPLE_FILE } from '../people/peopleNames';
import { ENTRIES_FOLDER, parseEntryName } from '../journal/journalFiles';
import { describeType, plural } from '../../shared/text';
import { isInsideOrEqual } from '../toolkit/paths';
import { TEMPLATES_FOLDER } from '../retro/userTemplates';
import { REVIEWS_FOLDER } from '../review/reviewPeriods';

/** What Reflect commits: entries, goals and templates. Anything else in the journal repo is the user's business. */
export const JOURNAL_PATHSPECS: readonly string[] = [ENTRIES_FOLDER, GOALS_FILE, PEOPLE_FILE, TEMPLATES_FOLDER, REVIEWS_FOLDER, ONE_ON_ONES_FOLDER];
/** The pathspecs that are single files, not folders. */
const JOURNAL_FILES: ReadonlySet<string> = new Set([GOALS_FILE, PEOPLE_FILE]);
const REVIEWS_PREFIX = `${REVIEWS_FOLDER}/`;

/**
 * Set to `true` in the journal repository's own config by Set Up. Reflect commits only where it is
 * set, so a journal folder setting that happens to point at a work repository never gets notes
 * committed into it behind the user's back.
 */
export const JOURNAL_MARKER_KEY = 'reflect.journal';

export const JOURNAL_README = 'README.md';
export const JOURNAL_GITIGNORE = '.gitignore';

export const JOURNAL_README_TEXT = `# Reflect journal

Retros and growth notes written with Reflect: one Markdown file per entry in \`entries/YYYY/\`,
goals in \`goals.md\`, your own retro templates in \`templates/\`.

This is a personal git repository, separate from any repository you work in. Reflect commits each
entry you save, and pushes only to a remote you add yourself: when you ask, or after every commit
with \`reflect.git.autoPush\`. Keep that remote private.
`;

export const JOURNAL_GITIGNORE_TEXT = `# Reflect's own files, never part of your journal's history: the temporary files of its atomic
# writes. Your entries, goals and templates are never ignored.
.*.tmp
`;

/** True for the temp files Reflect's atomic writes leave beside a target (`.name.md.<hex>.tmp`). */
export function isReflectTempFile(fileName: string): boolean {
  return /^\..+\.[0-9a-f]+\.tmp$/.test(path.basename(fileName));
}

/** The journal folder is a repository of its own (its root holds `.git`, a folder or a worktree/submodule file). */
export async function isRepositoryRoot(folder: string): Promise<boolean> {
  try {
    await fs.lstat(path.join(folder, '.git'));
    return true;
  } catch {
    return false;
  }
}

export interface EnclosingWorkTree {
  /** The outer repository's working tree root. */
  root: string;
  /** Its exclude file: `<git common dir>/info/exclude`, shared by all of that repository's worktrees. */
  excludeFile: string;
}

/**
 * The working tree of another repository that `journal` lies inside (found by looking for `.git`
 * in the folders above it, the way git itself does), or undefined. The journal's own `.git` does
 * not count: the question is whether anything above it would see its files.
 */
export async function findEnclosingWorkTree(journal: string): Promise<EnclosingWorkTree | undefined> {
  let dir = path.dirname(path.resolve(journal));
  for (;;) {
    const dotGit = path.join(dir, '.git');
    const stat = await fs.stat(dotGit).catch(() => undefined);
    if (stat?.isDirectory()) return { root: dir, excludeFile: path.join(dotGit, 'info', 'exclude') };
    if (stat?.isFile()) {
      // A `.git` file can name any folder: followed only to a real git directory, so a planted one
      // never makes Reflect create or write files elsewhere (`gitdir: ~/.ssh`).
      const gitDir = await readGitFile(dotGit);
      const common = gitDir ? await commonDir(gitDir) : undefined;
      if (common && (await isGitDirectory(common))) return { root: dir, excludeFile: path.join(common, 'info', 'exclude') };
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** A `.git` file (worktree or submodule) says `gitdir: <path>`, relative to the file's folder. */
async function readGitFile(file: string): Promise<string | undefined> {
  const text = await fs.readFile(file, 'utf8').catch(() => '');
  // By hand, not a pattern: a planted `.git` file may hold one very long line.
  const line = text.split(/\r?\n/).find((l) => l.startsWith('gitdir:'));
  const gitDir = line?.slice('gitdir:'.length).trim();
  return gitDir ? path.resolve(path.dirname(file), gitDir) : undefined;
}

/** What git itself needs to call a folder a repository: a HEAD file and an objects folder. */
async function isGitDirectory(dir: string): Promise<boolean> {
  const [head, objects] = await Promise.all([fs.stat(path.join(dir, 'HEAD')).catch(() => undefined), fs.stat(path.join(dir, 'objects')).catch(() => undefined)]);
  return !!head?.isFile() && !!objects?.isDirectory();
}

/** A linked worktree's git dir names the main repository's in `commondir`; info/exclude lives there. */
async function commonDir(gitDir: string): Promise<string> {
  const text = await fs.readFile(path.join(gitDir, 'commondir'), 'utf8').catch(() => '');
  return text.trim() ? path.resolve(gitDir, text.trim()) : gitDir;
}

/**
 * The exclude line that hides `journal` from the repository rooted at `outerRoot`: anchored at the
 * root, with a trailing slash (a folder), and git's wildcard characters escaped so a folder named
 * `notes[1]` or `#journal` means just that folder.
 */
export function excludePattern(outerRoot: string, journal: string): string {
  const rel = path.relative(outerRoot, journal).split(path.sep).join('/');
  const escaped = rel.replace(/[\\*?[\]!#]/g, (c) => `\\${c}`).replace(/ $/, '\\ ');
  return `/${escaped}/`;
}

const EXCLUDE_COMMENT = '# Reflect: the journal is a personal repository of its own; keep it out of this one.';

/**
 * Adds the journal to the outer repository's `.git/info/exclude` (local to that clone, never
 * committed, unlike .gitignore), so `git status` there stays clean. Idempotent.
 */
export async function ensureExcluded(outer: EnclosingWorkTree, journal: string): Promise<'added' | 'present'> {
  const pattern = excludePattern(outer.root, journal);
  const text = await fs.readFile(outer.excludeFile, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return '';
    throw err;
  });
  if (text.split(/\r?\n/).some((line) => line.trim() === pattern)) return 'present';
  await fs.mkdir(path.dirname(outer.excludeFile), { recursive: true });
  const separator = text === '' || text.endsWith('\n') ? '' : '\n';
  await fs.appendFile(outer.excludeFile, `${separator}${EXCLUDE_COMMENT}\n${pattern}\n`, 'utf8');
  return 'added';
}

/**
 * The workspace folder that makes running git in `journal` unsafe, or undefined when it may run.
 * In an untrusted workspace git never runs inside one of its folders: a repository's own config
 * (`core.fsmonitor`, hooks, `core.sshCommand`) can run programs, and whoever wrote that workspace
 * may have written `.reflect/.git/config` too. A journal outside the workspace is the user's own.
 * Paths should be real paths.
 */
export function untrustedFolderHolding(journal: string, workspace: { trusted: boolean; folders: readonly string[] }): string | undefined {
  if (workspace.trusted) return undefined;
  return workspace.folders.find((f) => isInsideOrEqual(journal, f));
}

/** Files a journal repository may hold besides what Reflect commits. */
const JOURNAL_EXTRAS = new Set([JOURNAL_README, JOURNAL_GITIGNORE, '.gitattributes']);

/**
 * Tracked files that are not journal files. A repository that has any is not (only) a journal:
 * most likely the journal folder setting points at a work repository, and Reflect must not start
 * committing notes there without the user saying so.
 */
export function foreignFiles(trackedPaths: readonly string[]): string[] {
  return trackedPaths.filter((p) => !isJournalPath(p) && !JOURNAL_EXTRAS.has(p));
}

/** One changed path in the journal repository, relative to its root with `/` separators. */
export interface PendingChange {
  path: string;
  deleted: boolean;
}

/** Whether Reflect commits changes to this journal-relative path on its own. */
export function isJournalPath(relPath: string): boolean {
  const p = relPath.split(path.sep).join('/');
  if (isReflectTempFile(p)) return false;
  return JOURNAL_FILES.has(p) || JOURNAL_PATHSPECS.some((spec) => !JOURNAL_FILES.has(spec) && p.startsWith(`${spec}/`));
}

/**
 * The commit message for a set of journal changes, short and greppable:
 * `retro: 2026-11-25 end of day`, `goals: update`, `template: oncall.md`, or for several files
 * `journal: 3 entries, goals`.
 */
export function commitMessage(changes: readonly PendingChange[], machine?: string): string {
  const subject = commitSubject(changes);
  // A trailer naming the machine: when two machines changed one paragraph, the merge says whose the second is.
  return machine ? `${subject}\n\n${MACHINE_TRAILER}: ${machine}` : subject;
}

/** The machine a commit was made on, as Reflect's commit messages name it (see commitMessage). */
export const MACHINE_TRAILER = 'Reflect-Machine';

function commitSubject(changes: readonly PendingChange[]): string {
  if (changes.length === 1) {
    const [only] = changes;
    const name = path.posix.basename(only.path);
    const entry = only.path.startsWith(`${ENTRIES_FOLDER}/`) ? parseEntryName(name) : undefined;
    const verb = only.deleted ? 'remove ' : '';
    if (entry) return `retro: ${verb}${entry.date} ${describeType(entry.type)}`;
    if (only.path === GOALS_FILE) return only.deleted ? 'goals: remove' : 'goals: update';
    if (only.path.startsWith(`${TEMPLATES_FOLDER}/`)) return `template: ${verb}${name}`;
    if (only.path.startsWith(REVIEWS_PREFIX)) return `review: ${verb}${name.replace(/\.md$/, '')}`;
    return `journal: ${verb}${only.path}`;
  }
  const entries = changes.filter((c) => c.path.startsWith(`${ENTRIES_FOLDER}/`)).length;
  const goals = changes.some((c) => c.path === GOALS_FILE);
  const templates = changes.filter((c) => c.path.startsWith(`${TEMPLATES_FOLDER}/`)).length;
  const reviews = changes.filter((c) => c.path.startsWith(REVIEWS_PREFIX)).length;
  const others = changes.length - entries - templates - reviews - (goals ? 1 : 0);
  const parts = [
    entries ? plural(entries, 'entry', 'entries') : '',
    goals ? 'goals' : '',
    templates ? plural(templates, 'template', 'templates') : '',
    reviews ? plural(reviews, 'review', 'reviews') : '',
    others ? plural(others, 'other file', 'other files') : '',
  ].filter(Boolean);
  return `journal: ${parts.join(', ')}`;
}
