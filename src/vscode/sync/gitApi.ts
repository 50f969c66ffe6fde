// The part of VS Code's built-in Git extension API (`vscode.git`, getAPI(1)) that Reflect uses,
// copied from microsoft/vscode extensions/git/src/api/git.d.ts rather than depended on as a
// package. Only members Reflect calls, and that every VS Code since 1.74 has, are listed.
import type * as vscode from 'vscode';

export const GIT_EXTENSION_ID = 'vscode.git';

export interface GitBranch {
  readonly name?: string;
  readonly upstream?: { readonly remote: string; readonly name: string };
}

export interface GitRepositoryState {
  readonly HEAD: GitBranch | undefined;
  readonly remotes: readonly { readonly name: string }[];
}

export interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: GitRepositoryState;
  /** Absolute file system paths; `git add -A -- <paths>`. */
  add(paths: string[]): Promise<void>;
  /** Commits the whole index; refuses a guessed identity (`git.requireGitUserConfig`). */
  commit(message: string): Promise<void>;
  addRemote(name: string, url: string): Promise<void>;
  push(remoteName?: string, branchName?: string, setUpstream?: boolean): Promise<void>;
  /** Fetches `remote` (all of it when omitted), with the Git extension's credentials. */
  fetch(remote?: string, ref?: string): Promise<void>;
  /** Refreshes `state`. */
  status(): Promise<void>;
}

export interface GitAPI {
  readonly git: { readonly path: string };
  readonly repositories: GitRepository[];
  /** `git init`, then opens it in the Source Control view. Null when the extension would not open it. */
  init(root: vscode.Uri): Promise<GitRepository | null>;
  /** Opens an existing repository (even outside the workspace). Null when it is not one or is ignored. */
  openRepository(root: vscode.Uri): Promise<GitRepository | null>;
}

export interface GitExtension {
  /** False while `git.enabled` is off (getAPI throws then). */
  readonly enabled: boolean;
  getAPI(version: 1): GitAPI;
}
