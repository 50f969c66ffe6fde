import * as vscode from 'vscode';
import { PeopleReader } from './core/people/peopleJournal';
import { BeforeHooks } from './core/toolkit/beforeHooks';
import { RetroDays } from './core/retro/retroDay';
import { systemClock } from './core/toolkit/clock';
import { register as registerGrowthCaptures } from './vscode/growth/captureCommands';
import { FollowUps } from './vscode/people/followUps';
import { register as registerPeople } from './vscode/people/peopleCommands';
import { register as registerGrowthTree } from './vscode/growth/growthTree';
import { JournalService } from './vscode/journal/journalService';
import { JournalPanelApi, register as registerJournalPanel } from './vscode/panel/journalPanel';
import { register as registerReminders } from './vscode/reminders/reminders';
import { register as registerStartRetro } from './vscode/retro/startRetroCommands';
import { register as registerReviews } from './vscode/review/reviewCommands';
import { Services } from './vscode/services';
import { register as registerJournalSync } from './vscode/sync/syncCommands';

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
  // The index loads in the background; activation does not wait for it.
  const journal = new JournalService(context.globalStorageUri.fsPath, log);
  context.subscriptions.push(log, journal);
  const retroDays = new RetroDays(systemClock, () => journal.entries());
  const people = new PeopleReader();
  const followUps = new FollowUps(journal, retroDays, people);
  context.subscriptions.push(followUps);
  const services: Services = { clock: systemClock, log, journal, retroDays, beforeNewEntry: new BeforeHooks<string>(), people, followUps };
  registerStartRetro(context, services);
  const growthNotes = registerGrowthTree(context, services);
  registerGrowthCaptures(context, services);
  const reminder = registerReminders(context, services);
  registerReviews(context, services);
  const journalPanel = registerJournalPanel(context, services);
  registerJournalSync(context, services);
  registerPeople(context, services);
  log.info(`Reflect activated in ${(performance.now() - started).toFixed(1)} ms`);
  return { growthNotes, reminder, journalPanel };
}

export function deactivate(): void {}
