import * as vscode from 'vscode';
import { RetroTemplate, StartRetroRequest } from '../core/startRetro';
import { Services } from './services';
import { configuredGitPath, ReflectSettings } from './settings';

/** A StartRetroRequest filled from the window's state: workspace folders, trust, git path. */
export function retroRequest(journalFolder: string, template: RetroTemplate, settings: ReflectSettings, services: Services): StartRetroRequest {
  return {
    journalFolder,
    template,
    now: services.clock.now(),
    workspace: vscode.workspace.name ?? '',
    workspaceFolders: (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath),
    sprint: settings.sprint,
    // A repository's own config can run programs: no git at all in an untrusted workspace.
    gitAllowed: vscode.workspace.isTrusted,
    gitPath: configuredGitPath(),
  };
}
