import * as vscode from 'vscode';
import { Clock } from '../core/clock';

/** What every feature's register() receives. Passed as arguments: no service locator. */
export interface Services {
  clock: Clock;
  log: vscode.LogOutputChannel;
}
