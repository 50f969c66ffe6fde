// Workspaces and journals the extension runs against: real git repos with commits by a known
// author, so "what did I work on today" has something to find.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileP = promisify(execFile);

export const DEV = { name: 'Dev Tester', email: 'dev@reflect.test' };
export const COLLEAGUE = 'Someone Else <someone@reflect.test>';

/**
 * @typedef {{ subject: string, file: string, author?: string, date?: Date }} Commit
 */

/**
 * @param {string} cwd
 * @param {string[]} args
 * @param {Record<string, string>} [env]
 */
async function git(cwd, args, env = {}) {
  // Keep the machine's global git config (signing, hooks, templates) out of the fixture.
  await execFileP('git', args, { cwd, env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', ...env } });
}

/**
 * Creates a git repo in `dir` whose own config names DEV, with one commit per entry.
 * @param {string} dir
 * @param {Commit[]} commits
 */
export async function createGitWorkspace(dir, commits) {
  mkdirSync(dir, { recursive: true });
  await git(dir, ['init', '-q', '-b', 'main']);
  await git(dir, ['config', 'user.email', DEV.email]);
  await git(dir, ['config', 'user.name', DEV.name]);
  for (const c of commits) {
    const path = join(dir, c.file);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, `// ${c.subject}\n`, { flag: 'a' });
    await git(dir, ['add', '--', c.file]);
    const date = (c.date ?? new Date()).toISOString();
    await git(dir, ['commit', '-q', '-m', c.subject, ...(c.author ? ['--author', c.author] : [])], {
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    });
  }
}

/**
 * The integration/e2e fixture: `<root>/workspace` (two commits by DEV today, one by a colleague)
 * and an empty `<root>/journal`.
 * @param {string} root
 */
export async function createTestFixture(root) {
  const workspace = join(root, 'workspace');
  const journal = join(root, 'journal');
  await createGitWorkspace(workspace, [
    { subject: 'Fix login timeout', file: 'src/login.js' },
    { subject: 'Add retry to sync job', file: 'src/sync.js' },
    { subject: "Colleague's change", file: 'README.md', author: COLLEAGUE },
  ]);
  mkdirSync(journal, { recursive: true });
  return { workspace, journal };
}

/**
 * The `npm start` demo: a fresh repo with today's commits, and a journal with a few past retros
 * (kept if it exists, so retros written during a demo survive a restart).
 * @param {string} root
 */
export async function createDemo(root) {
  const workspace = join(root, 'workspace');
  const journal = join(root, 'journal');
  rmSync(workspace, { recursive: true, force: true });
  const now = Date.now();
  const midnight = new Date(now).setHours(0, 0, 0, 0);
  // Spread today's commits between midnight and now, so they are today whatever the hour.
  const today = (/** @type {number} */ fraction) => new Date(midnight + fraction * (now - midnight));
  await createGitWorkspace(workspace, [
    { subject: 'Add session refresh endpoint', file: 'src/auth/session.ts', date: new Date(midnight - 6 * 3600_000) },
    { subject: 'Fix login timeout', file: 'src/auth/login.ts', date: today(0.4) },
    { subject: 'Add retry to sync job', file: 'src/jobs/sync.ts', date: today(0.6) },
    { subject: 'Review feedback: rename SyncQueue', file: 'src/jobs/queue.ts', date: today(0.8), author: COLLEAGUE },
    { subject: 'Cover retry backoff with tests', file: 'test/sync.test.ts', date: today(0.95) },
  ]);
  if (!existsSync(join(journal, 'entries'))) {
    // Past retros in Reflect's own format, so "Last time" and Growth Notes have something to show.
    for (const [daysAgo, well, hard, learned, drained, next] of /** @type {const} */ ([
      [7, 'Onboarded to the auth service.', 'Local setup took half a day.', 'The auth service caches sessions for 5 minutes.', 'Waiting on access requests.', 'Write down the setup steps.'],
      [2, 'Finished the sync queue design doc.', 'Too many meetings in the afternoon.', 'Ask for the acceptance criteria first.', 'Back-to-back meetings.', 'Block focus time before standup.'],
      [1, 'Paired on the session refresh endpoint; it went in cleanly.', 'Flaky CI run cost an hour.', 'Retries need jitter.', 'Context switching between two projects.', 'Fix the flaky login test before starting new work.'],
    ])) {
      const d = new Date(Date.now() - daysAgo * 86400_000);
      const date = localDate(d);
      const dir = join(journal, 'entries', String(d.getFullYear()));
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, `${date}-end-of-day.md`),
        [
          '---',
          'type: end-of-day',
          `date: ${date}`,
          'workspace: workspace',
          `energy: ${daysAgo === 2 ? 2 : 4}`,
          'tags: []',
          '---',
          '',
          `# End of day · ${date}`,
          '',
          '## What went well?',
          `- ${well}`,
          '',
          "## What didn't go well?",
          `- ${hard}`,
          '',
          '## What did I learn?',
          `- ${learned}`,
          '',
          '## What drained me?',
          `- ${drained}`,
          '',
          "## One thing I'll do differently",
          `- ${next}`,
          '',
        ].join('\n'),
      );
    }
    writeFileSync(join(journal, 'goals.md'), '# Goals\n\n- [ ] Give a talk at the internal tech day due: 2027-03-31 #speaking\n- [ ] Own the sync service end to end #ownership\n');
  }
  return { workspace, journal };
}

/** YYYY-MM-DD in local time, as journal file names use it. */
export function localDate(d = new Date()) {
  const p = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
