// How a journal folder becomes its own git repository: one path for Set Up, for the first entry
// written with auto-commit on, and for "Use my existing journal". Callers run this inside
// JournalSync.serial and only where the gate's trust rules let git run.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createFileExclusive } from '../../core/journal/journalFiles';
import { remoteUrlProblem } from '../../core/sync/journalClone';
import {
  commitMessage,
  EnclosingWorkTree,
  foreignFiles,
  isRepositoryRoot,
  JOURNAL_GITIGNORE,
  JOURNAL_GITIGNORE_TEXT,
  JOURNAL_README,
  JOURNAL_README_TEXT,
} from '../../core/sync/journalRepo';
import { JournalRepo } from '../../core/sync/journalRepoGit';
import { plural } from '../../shared/text';
import { GitBackend } from './gitBackend';
import { machineName } from './journalSync';
import { RepositoryGate } from './repositoryGate';

export const START_MESSAGE = 'journal: start a personal journal repository';

/** A journal repository ready for commits: marked, with what the folder held committed. */
export interface PreparedJournal {
  repo: JournalRepo;
  /** True when Reflect ran `git init`; false when it adopted (or cloned) a repository. */
  created: boolean;
  /** The work repository whose info/exclude hides the journal, when it lies inside one. */
  outer?: EnclosingWorkTree;
}

/**
 * Makes `folder`, which is not a repository, one of its own: a README and a .gitignore for
 * Reflect's temp files, `git init` (through VS Code's Git extension when it is there), the journal
 * mark, a first commit of those two, then one commit of every entry already there. A journal
 * inside a work repository is excluded from it first: the outer `git add -A` must never pick up
 * an embedded repository.
 */
export async function createJournalRepository(backend: GitBackend, gate: RepositoryGate, folder: string): Promise<PreparedJournal> {
  const outer = await gate.protectFromEnclosingRepo(folder);
  // Checked again here, inside the caller's git queue: another window or Set Up may have just made it one.
  if (await isRepositoryRoot(folder)) throw new Error(`${folder} is already a git repository`);
  const repo = await backend.init(folder);
  await startHistory(repo);
  return { repo, created: true, outer };
}

/** Marks a repository with no commits yet as the journal and makes its first commit (README, .gitignore), then commits what is there. */
export async function startHistory(repo: JournalRepo): Promise<void> {
  await repo.markJournal();
  // A README the user wrote is kept: createFileExclusive never writes over a file.
  await createFileExclusive(path.join(repo.root, JOURNAL_README), JOURNAL_README_TEXT);
  await createFileExclusive(path.join(repo.root, JOURNAL_GITIGNORE), JOURNAL_GITIGNORE_TEXT);
  const start = await repo.pendingChanges([JOURNAL_README, JOURNAL_GITIGNORE]);
  if (start.length > 0) await repo.commit(start, START_MESSAGE);
  await commitWhatIsThere(repo);
}

/** Entries written before the journal was a repository become its history right away. */
export async function commitWhatIsThere(repo: JournalRepo): Promise<void> {
  const pending = await repo.pendingChanges();
  if (pending.length > 0) await repo.commit(pending, commitMessage(pending, machineName()));
}

/**
 * Set Up's way in: creates the repository, or adopts the one there. A repository Set Up did not
 * mark that holds other files is adopted only when the user says so (`asking`); with options from
 * a test or keybinding it is refused. Undefined when not adopted. Throws what git throws.
 */
export async function createOrAdopt(backend: GitBackend, gate: RepositoryGate, folder: string, asking: boolean): Promise<PreparedJournal | undefined> {
  if (!(await isRepositoryRoot(folder))) return createJournalRepository(backend, gate, folder);
  const outer = await gate.protectFromEnclosingRepo(folder);
  const repo = await backend.open(folder);
  if (!(await repo.isMarkedJournal()) && !(await confirmAdopt(folder, foreignFiles(await repo.trackedFiles()), asking))) return undefined;
  await repo.markJournal();
  await commitWhatIsThere(repo);
  return { repo, created: false, outer };
}

/** A repository with non-journal files is adopted only when the user says so. */
async function confirmAdopt(folder: string, foreign: string[], asking: boolean): Promise<boolean> {
  if (foreign.length === 0) return true;
  const sample = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? ', …' : '');
  const what = `${folder} is already a git repository with ${plural(foreign.length, 'file')} that ${foreign.length === 1 ? 'is' : 'are'} not part of a journal (${sample}).`;
  if (!asking) {
    void vscode.window.showErrorMessage(`Reflect: ${what} Reflect won't commit your notes into it. Choose a journal folder of its own in reflect.journalFolder.`);
    return false;
  }
  const use = 'Use It for My Journal';
  const choice = await vscode.window.showWarningMessage(
    `${what} Reflect would commit your retros into it, and push them wherever it pushes. Use it as your journal repository anyway?`,
    { modal: true },
    use,
  );
  return choice === use;
}

/**
 * Asks for a remote the user created themselves (Reflect never creates one on a hosting service):
 * `new` an empty private repository to push to, `existing` the one another machine pushes to.
 */
export async function askRemoteUrl(purpose: 'new' | 'existing'): Promise<string | undefined> {
  const url = await vscode.window.showInputBox(
    purpose === 'new'
      ? {
          title: 'Reflect: private remote for your journal (optional)',
          prompt: 'Paste the URL of an empty, private repository you created for your journal, to push it there. Press Escape to keep the journal on this machine only.',
          placeHolder: 'git@github.com:you/journal.git',
          ignoreFocusOut: true,
          validateInput: remoteUrlProblem,
        }
      : {
          title: 'Reflect: use my existing journal',
          prompt: 'Paste the URL of the private repository your journal is pushed to from another machine. Reflect brings it here; entries already here are merged in, nothing is overwritten.',
          placeHolder: 'git@github.com:you/journal.git',
          ignoreFocusOut: true,
          validateInput: (value) => (value.trim() ? remoteUrlProblem(value) : 'Paste the URL of your journal\'s repository.'),
        },
  );
  const trimmed = url?.trim();
  return trimmed && !remoteUrlProblem(trimmed) ? trimmed : undefined;
}
