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
    super(stderr.trim() || `git ${args[0] ?? ''} failed${exitCode === undefined ? '' : ` (exit code ${exitCode})`}`);
  }
}

export interface RunGitOptions {
  gitPath?: string;
  timeoutMs?: number;
}

const TIMEOUT_MS = 15_000;

/** Resolves git's stdout; rejects with GitMissingError or GitCommandError. */
export function runGit(cwd: string, args: readonly string[], options: RunGitOptions = {}): Promise<string> {
  const gitPath = options.gitPath ?? 'git';
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    execFile(
      gitPath,
      args,
      {
        cwd,
        timeout: timeoutMs,
        maxBuffer: 16 * 1024 * 1024,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_LITERAL_PATHSPECS: '1', LC_ALL: 'C', LANGUAGE: 'en' },
      },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return reject(new GitMissingError(`git was not found (${gitPath})`));
        const timedOut = error.killed === true && error.signal !== null;
        const text = timedOut ? `git ${args[0]} did not finish within ${Math.round(timeoutMs / 1000)} s. ${stderr}` : stderr;
        reject(new GitCommandError(args, text, typeof code === 'number' ? code : undefined, timedOut));
      },
    );
  });
}
