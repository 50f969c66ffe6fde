import * as vscode from 'vscode';
import { CommandId } from '../ids';
import { Services } from '../services';
import { askForFeedback, recordFeedback } from './feedbackCommands';
import { prepareOneOnOneCommand } from './oneOnOneCommand';

/** Ask for Feedback, Record Feedback, Prepare 1:1. */
export function register(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandId.askForFeedback, (args?: unknown) => askForFeedback(services, args)),
    vscode.commands.registerCommand(CommandId.recordFeedback, (args?: unknown) => recordFeedback(services, args)),
    vscode.commands.registerCommand(CommandId.prepareOneOnOne, (args?: unknown) => prepareOneOnOneCommand(services, args)),
  );
}
