import * as vscode from 'vscode';
import { normalizeReminderSettings, ReminderSettings } from '../core/reminderSchedule';
import { SprintSettings } from '../core/sprintPeriod';
import { SettingKey } from './ids';

export interface ReflectSettings {
  journalFolder: string;
  sprint: SprintSettings;
  reminder: ReminderSettings;
  /** Messages about settings that were invalid and replaced by a fallback. */
  problems: string[];
}

/** Reads every Reflect setting through one typed accessor; invalid values fall back, with a message. */
export function readSettings(): ReflectSettings {
  const config = vscode.workspace.getConfiguration();
  const { settings: reminder, problems } = normalizeReminderSettings({
    enabled: config.get<unknown>(SettingKey.reminderEnabled),
    notify: config.get<unknown>(SettingKey.reminderNotify),
    time: config.get<unknown>(SettingKey.reminderTime),
    workdays: config.get<unknown>(SettingKey.reminderWorkdays),
    sprintLength: config.get<unknown>(SettingKey.sprintLength),
    sprintStart: config.get<unknown>(SettingKey.sprintStart),
    graceDays: config.get<unknown>(SettingKey.streakGraceDays),
    showStreak: config.get<unknown>(SettingKey.streakShow),
  });
  const journalFolder = config.get<unknown>(SettingKey.journalFolder);
  return { journalFolder: typeof journalFolder === 'string' ? journalFolder : '', sprint: reminder.sprint, reminder, problems };
}

/** The git executable the user configured for VS Code's Git extension, if any. */
export function configuredGitPath(): string | undefined {
  const value = vscode.workspace.getConfiguration('git').get<unknown>('path');
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}
