import * as vscode from 'vscode';
import { RetroTemplate, StartRetroRequest } from '../core/startRetro';
import { Services } from './services';
import { configuredGitPath, ReflectSettings } from './settings';

/**
 * A StartRetroRequest filled from the window's state: workspace folders, trust, git path. `now` is
 * the moment the retro is about (see retroMoment), the clock's time by default.
 */
export function retroRequest(journalFolder: string, template: RetroTemplate, settings: ReflectSettings, services: Services, now = services.clock.now()): StartRetroRequest {
  return {
    journalFolder,
    template,
    now,
    workspace: vscode.workspace.name ?? '',
    workspaceFolders: (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath),
    sprint: settings.sprint,
    // A repository's own config can run programs: no git at all in an untrusted workspace.
    gitAllowed: vscode.workspace.isTrusted,
    gitPath: configuredGitPath(),
  };
}
