import * as vscode from 'vscode';
import { systemClock } from './core/clock';
import { register as registerCapture } from './vscode/captureCommands';
import { register as registerGrowthTree } from './vscode/growthTree';
import { JournalPanelApi, register as registerJournalPanel } from './vscode/journalPanel';
import { register as registerJournalGit } from './vscode/journalGit';
import { JournalService } from './vscode/journalService';
import { register as registerReminder } from './vscode/reminders';
import { register as registerReviews } from './vscode/reviewCommands';
import { Services } from './vscode/services';
import { register as registerStartRetro } from './vscode/startRetroCommands';

/** What activate() returns: the views' data, so tests in the extension host can see what a user sees. */
export interface ReflectApi {
  growthNotes: vscode.TreeDataProvider<unknown>;
  reminder: { snapshot(): { text: string; tooltip: string; status: string; streak: number }; refresh(): Promise<void> };
  journalPanel: JournalPanelApi;
}

/** Builds the services and hands them to each feature. Nothing else happens here. */
export function activate(context: vscode.ExtensionContext): ReflectApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Reflect', { log: true });
  const services: Services = { clock: systemClock, log };
  // The index loads in the background; activation does not wait for it.
  const journal = new JournalService(context.globalStorageUri.fsPath, log);
  context.subscriptions.push(log, journal);
  registerStartRetro(context, services, journal);
  const growthNotes = registerGrowthTree(context, services, journal);
  registerCapture(context, services, journal);
  const reminder = registerReminder(context, services, journal);
  registerReviews(context, services, journal);
  const journalPanel = registerJournalPanel(context, services, journal);
  registerJournalGit(context, services, journal);
  log.info(`Reflect activated in ${(performance.now() - started).toFixed(1)} ms`);
  return { growthNotes, reminder, journalPanel };
}

export function deactivate(): void {}
