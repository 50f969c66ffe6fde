// Machines that go away with everything on them: a dev container, a Codespace. A journal kept
// only there is lost with them; WSL and SSH machines stay, so they are not named here.
import { isInsideOrEqual } from '../toolkit/paths';

/** VS Code's `env.remoteName` of the remotes that are containers. */
const CONTAINER_REMOTES: ReadonlySet<string> = new Set(['dev-container', 'attached-container', 'codespaces', 'k8s-container']);

export type EphemeralKind = 'dev container' | 'Codespace';

/**
 * What kind of short-lived machine holds `journal`, or undefined when the journal outlives it. A
 * dev container's workspace folders are usually mounted from the host, so a journal inside one
 * stays; a Codespace's whole disk goes with the Codespace. Paths should be real paths.
 */
export function ephemeralJournal(remoteName: string | undefined, journal: string, workspaceFolders: readonly string[]): EphemeralKind | undefined {
  if (!remoteName || !CONTAINER_REMOTES.has(remoteName)) return undefined;
  if (remoteName === 'codespaces') return 'Codespace';
  return workspaceFolders.some((folder) => isInsideOrEqual(journal, folder)) ? undefined : 'dev container';
}
