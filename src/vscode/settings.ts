import * as vscode from 'vscode';
import { resolveJournalFolder } from '../core/journal/journalFiles';
import { normalizeReminderSettings, parseTime, ReminderSettings } from '../core/reminders/reminderSchedule';
import { DEFAULT_DAY_STARTS_AT } from '../core/retro/retroDay';
import { SprintSettings } from '../core/reminders/sprintPeriod';
import { SettingKey } from './ids';

export type SyncMode = 'off' | 'pull' | 'pullAndPush';
const SYNC_MODES: readonly SyncMode[] = ['off', 'pull', 'pullAndPush'];

export interface ReflectSettings {
  /** The setting as written; `journalFolder()` resolves it. */
  journalFolder: string;
  sprint: SprintSettings;
  reminder: ReminderSettings;
  /** Minutes after midnight at which a new journal day begins (`reflect.dayStartsAt`). */
  dayStartsAt: number;
  git: {
    autoCommit: boolean;
    autoPush: boolean;
    /** `reflect.git.sync`: what happens by itself once the journal has a remote. */
    sync: SyncMode;
    /** The git executable the user configured for VS Code's Git extension (`git.path`), if any. */
    path?: string;
  };
  /** Messages about settings that were invalid and replaced by a fallback. */
  problems: string[];
}

/**
 * Reads every setting Reflect uses, once, through one typed accessor; invalid values fall back,
 * with a message. A command reads a snapshot at its start and passes it down.
 */
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
  const dayStartsAt = readDayStartsAt(config.get<unknown>(SettingKey.dayStartsAt), problems);
  return {
    journalFolder: typeof journalFolder === 'string' ? journalFolder : '',
    sprint: reminder.sprint,
    reminder,
    dayStartsAt,
    git: {
      autoCommit: config.get<unknown>(SettingKey.gitAutoCommit) !== false,
      autoPush: config.get<unknown>(SettingKey.gitAutoPush) === true,
      sync: readSyncMode(config.get<unknown>(SettingKey.gitSync), problems),
      path: gitPathSetting(config.get<unknown>('git.path')),
    },
    problems,
  };
}

function readSyncMode(value: unknown, problems: string[]): SyncMode {
  if (value === undefined) return 'pullAndPush';
  if (SYNC_MODES.includes(value as SyncMode)) return value as SyncMode;
  problems.push(`reflect.git.sync must be off, pull or pullAndPush (got ${JSON.stringify(value)}); using pullAndPush.`);
  return 'pullAndPush';
}

function readDayStartsAt(value: unknown, problems: string[]): number {
  const fallback = parseTime(DEFAULT_DAY_STARTS_AT)!;
  if (value === undefined) return fallback;
  const parsed = typeof value === 'string' ? parseTime(value) : undefined;
  if (parsed !== undefined) return parsed;
  problems.push(`reflect.dayStartsAt must be a 24-hour time like 04:00 (got ${JSON.stringify(value)}); using ${DEFAULT_DAY_STARTS_AT}.`);
  return fallback;
}

function gitPathSetting(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

/** The journal folder of `settings`, with `~` and `${workspaceFolder}` expanded. Throws JournalFolderError. */
export function journalFolderOf(settings: Pick<ReflectSettings, 'journalFolder'>): string {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
  return resolveJournalFolder(settings.journalFolder, { workspaceFolder: folder?.uri.fsPath });
}
