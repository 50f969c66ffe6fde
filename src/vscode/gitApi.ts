// The part of VS Code's built-in Git extension API (`vscode.git`, getAPI(1)) that Reflect uses,
// copied from microsoft/vscode extensions/git/src/api/git.d.ts rather than depended on as a
// package. Only members every VS Code since 1.74 has are listed.
import type * as vscode from 'vscode';

export const GIT_EXTENSION_ID = 'vscode.git';

export interface GitUpstreamRef {
  readonly remote: string;
  readonly name: string;
}

export interface GitBranch {
  readonly name?: string;
  readonly commit?: string;
  readonly upstream?: GitUpstreamRef;
  readonly ahead?: number;
  readonly behind?: number;
}

export interface GitRemote {
  readonly name: string;
  readonly fetchUrl?: string;
  readonly pushUrl?: string;
  readonly isReadOnly: boolean;
}

export interface GitRepositoryState {
  readonly HEAD: GitBranch | undefined;
  readonly remotes: GitRemote[];
  readonly onDidChange: vscode.Event<void>;
}

export interface GitCommitOptions {
  all?: boolean | 'tracked';
  /** Defaults to the `git.requireGitUserConfig` setting: never commit under a guessed identity. */
  requireUserConfig?: boolean;
}

export interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: GitRepositoryState;
  getConfig(key: string): Promise<string>;
  setConfig(key: string, value: string): Promise<string>;
  /** Absolute file system paths; `git add -A -- <paths>`. */
  add(paths: string[]): Promise<void>;
  /** Commits the whole index. */
  commit(message: string, opts?: GitCommitOptions): Promise<void>;
  addRemote(name: string, url: string): Promise<void>;
  push(remoteName?: string, branchName?: string, setUpstream?: boolean): Promise<void>;
  /** Refreshes `state`. */
  status(): Promise<void>;
}

export interface GitAPI {
  readonly git: { readonly path: string };
  readonly repositories: GitRepository[];
  /** The repository that contains `uri`: the innermost one, which may be an enclosing work repository. */
  getRepository(uri: vscode.Uri): GitRepository | null;
  /** `git init`, then opens it in the Source Control view. Null when the extension would not open it. */
  init(root: vscode.Uri): Promise<GitRepository | null>;
  /** Opens an existing repository (even outside the workspace). Null when it is not one or is ignored. */
  openRepository(root: vscode.Uri): Promise<GitRepository | null>;
}

export interface GitExtension {
  /** False while `git.enabled` is off (getAPI throws then). */
  readonly enabled: boolean;
  readonly onDidChangeEnablement: vscode.Event<boolean>;
  getAPI(version: 1): GitAPI;
}
