// The one way Reflect runs git: an argument list (never a shell string), no prompts, English
// messages (they are matched to sort failures) and literal pathspecs (a file name is never a glob).
import { execFile } from 'node:child_process';

/** The git executable could not be started (not installed, or `git.path` is wrong). */
export class GitMissingError extends Error {}

/** A git command that exited with an error; `stderr` is what git said. */
export class GitCommandError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
    readonly exitCode: number | undefined,
    readonly timedOut = false,
  ) {
    super(stderr.trim() || `git ${subcommandOf(args)} failed${exitCode === undefined ? '' : ` (exit code ${exitCode})`}`);
  }
}

export interface RunGitOptions {
  gitPath?: string;
  timeoutMs?: number;
}

const TIMEOUT_MS = 15_000;

/**
 * Variables git sets for the programs it starts (`git rev-parse --local-env-vars`), plus the
 * dates it sets for a commit being made. VS Code started as git's editor inherits them; passed on,
 * Reflect's journal commit would write the work repository's index, or be dated 2001. Names and
 * emails stay: setting them is how a machine without a git config gives commits an author.
 */
const INHERITED = new Set([
  'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_CONFIG', 'GIT_CONFIG_PARAMETERS', 'GIT_CONFIG_COUNT', 'GIT_OBJECT_DIRECTORY',
  'GIT_DIR', 'GIT_WORK_TREE', 'GIT_IMPLICIT_WORK_TREE', 'GIT_GRAFT_FILE', 'GIT_INDEX_FILE', 'GIT_NO_REPLACE_OBJECTS',
  'GIT_REPLACE_REF_BASE', 'GIT_PREFIX', 'GIT_INTERNAL_SUPER_PREFIX', 'GIT_SHALLOW_FILE', 'GIT_COMMON_DIR',
  'GIT_AUTHOR_DATE', 'GIT_COMMITTER_DATE',
]);

/** The environment for a git run: the user's, without what a parent git left in it. */
export function gitEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (INHERITED.has(key) || /^GIT_CONFIG_(KEY|VALUE)_\d+$/.test(key)) continue;
    clean[key] = value;
  }
  return { ...clean, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_LITERAL_PATHSPECS: '1', LC_ALL: 'C', LANGUAGE: 'en' };
}

/** Resolves git's stdout; rejects with GitMissingError or GitCommandError. */
export function runGit(cwd: string, args: readonly string[], options: RunGitOptions = {}): Promise<string> {
  const gitPath = options.gitPath ?? 'git';
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    execFile(
      gitPath,
      // A repository's core.fsmonitor names a program to run; Reflect's queries never need one.
      ['-c', 'core.fsmonitor=false', ...args],
      {
        cwd,
        timeout: timeoutMs,
        maxBuffer: 16 * 1024 * 1024,
        env: gitEnvironment(),
      },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return reject(new GitMissingError(`git was not found (${gitPath})`));
        const timedOut = error.killed === true && error.signal !== null;
        const text = timedOut ? `git ${subcommandOf(args)} did not finish within ${Math.round(timeoutMs / 1000)} s. ${stderr}` : stderr;
        reject(new GitCommandError(args, text, typeof code === 'number' ? code : undefined, timedOut));
      },
    );
  });
}

/** The git command a run is about: `commit` in `git -c user.useConfigOnly=true commit …`. */
function subcommandOf(args: readonly string[]): string {
  let i = 0;
  while (i < args.length && (args[i] === '-c' || args[i] === '-C')) i += 2;
  return args[i] ?? '';
}
