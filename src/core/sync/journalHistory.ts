import { runGit, RunGitOptions } from '../git/runGit';
import { toIsoDate } from '../toolkit/localDates';

/** Beyond this many undated entries, the rest keep their file dates: one git call each. */
const MAX_LOOKUPS = 200;

/**
 * The local day each journal-relative path was first committed to the journal repository at
 * `root`, for entries whose name and front matter carry no date. Paths git does not know are left
 * out. Read-only: `git log` of the journal's own repository.
 */
export async function firstCommitDates(root: string, relativePaths: readonly string[], options: RunGitOptions = {}): Promise<Map<string, string>> {
  const dates = new Map<string, string>();
  for (const rel of relativePaths.slice(0, MAX_LOOKUPS)) {
    const out = await runGit(root, ['log', '--diff-filter=A', '--format=%aI', '--', rel], options).catch(() => '');
    const first = out.trim().split('\n').filter(Boolean).pop();
    const when = first ? new Date(first) : undefined;
    if (when && !Number.isNaN(when.getTime())) dates.set(rel, toIsoDate(when));
  }
  return dates;
}
