import * as vscode from 'vscode';
import { systemClock } from './core/clock';
import { Services } from './vscode/services';
import { register as registerStartRetro } from './vscode/startRetroCommands';

/** Builds the services and hands them to each feature. Nothing else happens here. */
export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Reflect', { log: true });
  context.subscriptions.push(log);
  const services: Services = { clock: systemClock, log };
  for (const register of [registerStartRetro]) register(context, services);
  log.info(`Reflect activated in ${(performance.now() - started).toFixed(1)} ms`);
}

export function deactivate(): void {}
