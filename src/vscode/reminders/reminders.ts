import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { JSONFile } from 'lowdb/node';
import * as vscode from 'vscode';
import { toIsoDate, weekdayName } from '../../core/toolkit/localDates';
import { dueKey, hasRetroIn, ReminderState, ReminderStatus, reminderStatus, streak } from '../../core/reminders/reminderSchedule';
import { Disposable, toDisposable } from '../../core/toolkit/lifecycle';
import { OnceEach } from '../../core/toolkit/onceEach';
import { Sequencer } from '../../core/toolkit/async';
import { BuiltInCommand, CommandId, SettingKey, StatusBarId } from '../ids';
import { Services } from '../services';
import { readSettings } from '../settings';

const CHECK_EVERY_MS = 60_000;
const SNOOZE_MS = 60 * 60_000;

const describeKind = (status: Extract<ReminderStatus, { state: 'due' }>): string => (status.kind === 'sprint' ? 'sprint retro' : 'end-of-day retro');

/**
 * The status-bar reminder. Snoozes, skips and "already notified" marks live in the extension's
 * global storage, which every window on this machine shares: a snooze in one window holds in all,
 * survives a reload, and a due retro is announced by exactly one window (the first to create its
 * mark file, an atomic exclusive create).
 */
export class Reminder extends Disposable {
  private readonly item: vscode.StatusBarItem;
  private timer: NodeJS.Timeout | undefined;
  private readonly stateFile: JSONFile<ReminderState>;
  private readonly notifiedFolder: string;
  private status: ReminderStatus = { state: 'quiet', reason: 'not-yet' };
  /** Feedback follow-ups due today, shown in the tooltip. */
  private followUps: string[] = [];
  private streakCount = 0;
  /** Invalid settings are shown once, until the settings change. */
  private readonly problemsShown = new OnceEach();
  private readonly evaluations = new Sequencer();

  constructor(
    storageFolder: string,
    private readonly services: Services,
  ) {
    super();
    this.stateFile = new JSONFile<ReminderState>(path.join(storageFolder, 'reminders.json'));
    this.notifiedFolder = path.join(storageFolder, 'reminders-notified');
    this.item = this.register(vscode.window.createStatusBarItem(StatusBarId.reminder, vscode.StatusBarAlignment.Left, 50));
    this.item.name = 'Reflect';
    this.register(services.journal.onDidChange(() => this.refresh()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('reflect')) {
          this.problemsShown.forget();
          this.refresh();
        }
      }),
    );
    // Waking from sleep or coming back to the window: look again now rather than at the next tick.
    this.register(
      vscode.window.onDidChangeWindowState((s) => {
        if (s.focused) this.refresh();
      }),
    );
    this.register(toDisposable(() => clearInterval(this.timer)));
    this.refresh();
  }

  /** What the item shows now (tests read this). */
  snapshot(): { text: string; tooltip: string; status: ReminderStatus['state']; streak: number } {
    return { text: this.item.text, tooltip: String(this.item.tooltip ?? ''), status: this.status.state, streak: this.streakCount };
  }

  /** Re-evaluates; evaluations never overlap. Resolves when this one is done. */
  refresh(): Promise<void> {
    return this.evaluations.queue(() => this.evaluate()).catch((err: unknown) => this.services.log.error(`Reminder: ${String(err)}`));
  }

  private async evaluate(): Promise<void> {
    const settings = readSettings();
    if (settings.problems.length > 0 && this.problemsShown.first('settings')) {
      void vscode.window.showWarningMessage(`Reflect: ${settings.problems.join(' ')}`, 'Open Settings').then((choice) => {
        if (choice) void vscode.commands.executeCommand(BuiltInCommand.openSettings, '@ext:reflect-team.reflect');
      });
    }
    // No work on a timer while reminders are off.
    if (settings.reminder.enabled && !this.timer) this.timer = setInterval(() => void this.refresh(), CHECK_EVERY_MS);
    if (!settings.reminder.enabled && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
    const now = this.services.clock.now();
    const has = hasRetroIn(await this.services.journal.entries());
    this.status = reminderStatus(now, settings.reminder, has, await this.readState());
    this.streakCount = streak(now, settings.reminder, has);
    this.followUps = await this.services.followUps.due();
    this.render(settings.reminder.showStreak, now);
    // Not awaited: the notification waits for the user, and evaluations queue behind this one.
    if (this.status.state === 'due' && settings.reminder.notify) void this.notifyOnce(this.status);
  }

  private render(showStreak: boolean, now: Date): void {
    const streakText = [
      showStreak ? `Streak: ${this.streakCount} ${this.streakCount === 1 ? 'retro' : 'retros'}` : '',
      ...this.followUps.map((f) => `Follow up: ${f}`),
    ]
      .filter(Boolean)
      .join('\n');
    if (this.status.state === 'due') {
      const label = this.status.kind === 'sprint' ? 'Sprint retro due' : 'Retro due';
      this.item.text = `$(notebook) ${label}`;
      this.item.tooltip = [`Your ${describeKind(this.status)} for ${weekdayName(this.status.day)} ${toIsoDate(this.status.day)} is due. Click to start it.`, streakText].filter(Boolean).join('\n');
      this.item.command = { command: CommandId.startDueRetro, title: 'Start the due retro' };
      this.item.accessibilityInformation = { label: `Reflect: ${label}. Activate to start it.`, role: 'button' };
    } else {
      this.item.text = showStreak ? `$(notebook) ${this.streakCount}` : '$(notebook)';
      const next = this.status.next ? `Next retro: ${describeMoment(this.status.next, now)}` : this.status.reason === 'off' ? 'Reminders are off' : '';
      const why = this.status.reason === 'snoozed' ? 'Reminder snoozed.' : this.status.reason === 'skipped' ? 'Skipped today.' : '';
      this.item.tooltip = [why, next, streakText, 'Click to start a retro.'].filter(Boolean).join('\n');
      this.item.command = { command: CommandId.startRetro, title: 'Start Retro' };
      this.item.accessibilityInformation = { label: `Reflect${showStreak ? `, streak ${this.streakCount}` : ''}. ${next}`, role: 'button' };
    }
    this.item.show();
  }

  /** Shows the notification unless another window (or an earlier session) already did for this retro. */
  private async notifyOnce(status: Extract<ReminderStatus, { state: 'due' }>): Promise<void> {
    try {
      await fs.mkdir(this.notifiedFolder, { recursive: true });
      await fs.writeFile(path.join(this.notifiedFolder, dueKey(status).replace(':', '-')), new Date().toISOString(), { flag: 'wx' });
    } catch {
      return; // the mark exists: this retro was announced already
    }
    void this.pruneMarks();
    const start = 'Start Retro';
    const snooze = 'Snooze 1 Hour';
    const skip = 'Skip Today';
    const off = 'Turn Off Reminders';
    const choice = await vscode.window.showInformationMessage(
      `Time for your ${describeKind(status)}: ten minutes on ${status.kind === 'sprint' ? 'the sprint' : 'the day'}.`,
      start,
      snooze,
      skip,
      off,
    );
    await this.act(choice === start ? 'start' : choice === snooze ? 'snooze' : choice === skip ? 'skip' : choice === off ? 'off' : undefined);
  }

  async act(action: 'start' | 'snooze' | 'skip' | 'off' | undefined): Promise<void> {
    if (action === 'start') await this.startDue();
    else if (action === 'snooze') await this.writeState({ ...(await this.readState()), snoozedUntil: this.services.clock.now().getTime() + SNOOZE_MS });
    else if (action === 'skip') {
      const day = this.status.state === 'due' ? this.status.day : this.services.clock.now();
      await this.writeState({ ...(await this.readState()), skippedDay: toIsoDate(day) });
    } else if (action === 'off') {
      await vscode.workspace.getConfiguration().update(SettingKey.reminderEnabled, false, vscode.ConfigurationTarget.Global);
      void vscode.window.showInformationMessage('Reflect: reminders are off. Turn them on again with the setting reflect.reminder.enabled.');
    }
    await this.refresh();
  }

  /** Starts the retro that is due (end of day or sprint), for the day it is due. */
  async startDue(): Promise<vscode.Uri | undefined> {
    await this.refresh();
    if (this.status.state !== 'due') return vscode.commands.executeCommand<vscode.Uri | undefined>(CommandId.startRetro, 'end-of-day');
    // The day the reminder named, said explicitly: Thursday morning's click on Wednesday's reminder writes Wednesday's.
    const template = this.status.kind === 'sprint' ? 'sprint' : 'end-of-day';
    return vscode.commands.executeCommand<vscode.Uri | undefined>(CommandId.startRetro, template, toIsoDate(this.status.day));
  }

  async snoozePicker(): Promise<void> {
    const items: (vscode.QuickPickItem & { action: 'snooze' | 'skip' | 'off' })[] = [
      { label: 'Snooze 1 hour', action: 'snooze' },
      { label: 'Skip today', description: 'no reminder until the next workday', action: 'skip' },
      { label: 'Turn off reminders', description: 'reflect.reminder.enabled', action: 'off' },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: 'Reflect: Snooze Reminder' });
    if (picked) await this.act(picked.action);
  }

  private async readState(): Promise<ReminderState> {
    try {
      const state = await this.stateFile.read();
      return state && typeof state === 'object' ? state : {};
    } catch {
      return {}; // unreadable: forget the snooze rather than fail the reminder
    }
  }

  private async writeState(state: ReminderState): Promise<void> {
    try {
      await fs.mkdir(path.dirname(this.notifiedFolder), { recursive: true });
      await this.stateFile.write(state);
    } catch (err) {
      this.services.log.warn(`Could not save the reminder state: ${String(err)}`);
    }
  }

  /** Marks older than a month are no longer needed. */
  private async pruneMarks(): Promise<void> {
    const cutoff = toIsoDate(new Date(this.services.clock.now().getTime() - 31 * 86_400_000));
    for (const name of await fs.readdir(this.notifiedFolder).catch(() => [])) {
      const date = /(\d{4}-\d{2}-\d{2})$/.exec(name)?.[1];
      if (date && date < cutoff) await fs.rm(path.join(this.notifiedFolder, name), { force: true });
    }
  }

}

function describeMoment(when: Date, now: Date): string {
  const time = `${String(when.getHours()).padStart(2, '0')}:${String(when.getMinutes()).padStart(2, '0')}`;
  const day = toIsoDate(when) === toIsoDate(now) ? 'today' : `${weekdayName(when)} ${toIsoDate(when)}`;
  return `${day} at ${time}`;
}

/** The status-bar reminder and Reflect: Snooze Reminder. */
export function register(context: vscode.ExtensionContext, services: Services): Reminder {
  const reminder = new Reminder(context.globalStorageUri.fsPath, services);
  context.subscriptions.push(
    reminder,
    // An argument ('snooze' | 'skip' | 'off') skips the picker, for keybindings and tests.
    vscode.commands.registerCommand(CommandId.snoozeReminder, (action?: unknown) =>
      action === 'snooze' || action === 'skip' || action === 'off' ? reminder.act(action) : reminder.snoozePicker(),
    ),
    vscode.commands.registerCommand(CommandId.startDueRetro, () => reminder.startDue()),
  );
  return reminder;
}
