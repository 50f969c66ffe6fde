import * as vscode from 'vscode';
import { normalizeSprintSettings, SprintSettings } from '../core/sprintPeriod';
import { SettingKey } from './ids';

export interface ReflectSettings {
  journalFolder: string;
  sprint: SprintSettings;
  /** Messages about settings that were invalid and replaced by a fallback. */
  problems: string[];
}

/** Reads every Reflect setting through one typed accessor; invalid values fall back, with a message. */
export function readSettings(): ReflectSettings {
  const config = vscode.workspace.getConfiguration();
  const { settings: sprint, problems } = normalizeSprintSettings({
    length: config.get<unknown>(SettingKey.sprintLength),
    start: config.get<unknown>(SettingKey.sprintStart),
  });
  const journalFolder = config.get<unknown>(SettingKey.journalFolder);
  return { journalFolder: typeof journalFolder === 'string' ? journalFolder : '', sprint, problems };
}

/** The git executable the user configured for VS Code's Git extension, if any. */
export function configuredGitPath(): string | undefined {
  const value = vscode.workspace.getConfiguration('git').get<unknown>('path');
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}
