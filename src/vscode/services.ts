import * as vscode from 'vscode';
import { RetroDays } from '../core/retro/retroDay';
import { PeopleReader } from '../core/people/peopleJournal';
import { BeforeHooks } from '../core/toolkit/beforeHooks';
import { Clock } from '../core/toolkit/clock';
import { JournalService } from './journal/journalService';
import { FollowUps } from './people/followUps';

/** What every feature's register() receives. Passed as arguments: no service locator. */
export interface Services {
  clock: Clock;
  log: vscode.LogOutputChannel;
  /** The journal the settings point at: its index, goals and file events. */
  journal: JournalService;
  /** Which day a retro started now is for. */
  retroDays: RetroDays;
  /** Run (with the journal folder) before a new entry is created: sync pulls the other machines' first. */
  beforeNewEntry: BeforeHooks<string>;
  /** The journal's requests, answers and 1:1 notes, read once and then only the entries that changed. */
  people: PeopleReader;
  /** Feedback follow-ups due today, for the reminder's tooltip and a new retro. */
  followUps: FollowUps;
}
