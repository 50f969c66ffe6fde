import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { JournalPanelController, PanelHost, WriteOutcome } from '../core/journalPanelController';
import { builtInTemplate } from '../core/retroTemplates';
import { LineEdit } from '../core/sectionEdit';
import { startRetro, todaysRetroPath } from '../core/startRetro';
import { parseFromWebview, ToWebview } from '../shared/protocol';
import { editJournalFile } from './journalEdits';
import { journalFolderPath } from './journalFolder';
import { panelHtml } from './journalPanelHtml';
import { JournalService } from './journalService';
import { retroMoment } from './retroCalendar';
import { retroRequest } from './retroRequest';
import { Services } from './services';
import { readSettings } from './settings';

/** The Journal webview view in the Reflect container (package.json declares the same id). */
export const JOURNAL_VIEW_ID = 'reflect.journal';

/** What tests in the extension host can do with the panel: send it a message as the webview would. */
export interface JournalPanelApi {
  /** Handles `message` exactly as one from the webview and resolves to the replies. */
  request(message: unknown): Promise<ToWebview[]>;
}

/** A new random nonce for every HTML render: 128 bits from the OS's CSPRNG. */
const newNonce = (): string => randomBytes(16).toString('base64');

/** Coalesces a burst of index changes (a rescan, a save) into one refresh of the panel. */
const CHANGE_DELAY_MS = 250;

class JournalPanelProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  /** True between the webview's `ready` and the moment it is hidden (which drops its document). */
  private ready = false;
  private changeTimer: NodeJS.Timeout | undefined;
  private midnightTimer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly viewDisposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly controller: JournalPanelController,
    journal: JournalService,
    private readonly log: vscode.LogOutputChannel,
    private readonly now: () => Date,
  ) {
    this.disposables.push(journal.onDidChange(() => this.journalChanged()));
  }

  /** At the next local midnight "today" moves on: capture's day, today's energy, the chart's end. */
  private scheduleMidnight(): void {
    clearTimeout(this.midnightTimer);
    const now = this.now();
    const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1);
    this.midnightTimer = setTimeout(() => {
      this.journalChanged();
      this.scheduleMidnight();
    }, next.getTime() - now.getTime());
  }

  /** Posts to the view if it is still the one shown; a disposed webview throws on postMessage. */
  private post(view: vscode.WebviewView, message: ToWebview): void {
    if (this.view !== view) return;
    try {
      void view.webview.postMessage(message).then(undefined, () => undefined);
    } catch {
      // closed meanwhile: nothing to show it in
    }
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    for (const d of this.viewDisposables.splice(0)) d.dispose();
    this.view = view;
    this.ready = false;
    const { webview } = view;
    webview.options = {
      enableScripts: true,
      enableForms: false,
      enableCommandUris: false,
      // Its default would be the whole workspace: only the bundle and the stylesheet are needed.
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
    webview.html = panelHtml({
      cspSource: webview.cspSource,
      nonce: newNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'journal.css')).toString(),
    });
    this.viewDisposables.push(
      webview.onDidReceiveMessage((raw: unknown) => {
        const parsed = parseFromWebview(raw);
        if (parsed.ok && parsed.message.type === 'ready') this.ready = true;
        void this.controller.receive(raw, (message) => this.post(view, message));
      }),
      // A hidden webview view loses its document; it says `ready` again when shown.
      view.onDidChangeVisibility(() => {
        if (!view.visible) this.ready = false;
      }),
      view.onDidDispose(() => {
        if (this.view === view) {
          this.view = undefined;
          this.ready = false;
          clearTimeout(this.midnightTimer);
        }
      }),
    );
    this.scheduleMidnight();
  }

  private journalChanged(): void {
    clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => {
      this.controller.journalChanged();
      const view = this.view;
      if (!view || !this.ready) return;
      void this.controller.status().then(
        (status) => this.post(view, { type: 'journal', status }),
        (err: unknown) => this.log.error(`Journal panel: could not refresh: ${err instanceof Error ? err.message : String(err)}`),
      );
    }, CHANGE_DELAY_MS);
  }

  dispose(): void {
    clearTimeout(this.changeTimer);
    clearTimeout(this.midnightTimer);
    for (const d of [...this.viewDisposables, ...this.disposables]) d.dispose();
  }
}

/** Today's entry and edits to it exactly as the capture commands make them; links and files opened by VS Code. */
function vscodeHost(services: Services, journal: JournalService): PanelHost {
  return {
    async todayEntry(create: boolean): Promise<string> {
      const folder = journalFolderPath();
      const template = builtInTemplate('end-of-day')!;
      const settings = readSettings();
      const moment = await retroMoment(template, services.clock.now(), settings, journal);
      if (!create) return todaysRetroPath(folder, template, moment);
      return (await startRetro(retroRequest(folder, template, settings, services, moment))).path;
    },
    async edit(file: string, makeEdit: (text: string) => LineEdit | undefined): Promise<WriteOutcome> {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === file);
      const hadUnsaved = open?.isDirty === true;
      // Through the editor when the file is open (unsaved text is kept), else an atomic replace.
      const changed = await editJournalFile(file, makeEdit);
      return !changed ? 'unchanged' : hadUnsaved ? 'unsaved' : 'saved';
    },
    async openInEditor(file: string): Promise<void> {
      await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: false });
    },
    async openExternal(url: string): Promise<void> {
      const uri = vscode.Uri.parse(url, true);
      if (uri.scheme === 'http' || uri.scheme === 'https') await vscode.env.openExternal(uri);
    },
  };
}

/** The Journal panel: timeline, reader, quick capture, search and trends in the Reflect container. */
export function register(context: vscode.ExtensionContext, services: Services, journal: JournalService): JournalPanelApi {
  const controller = new JournalPanelController({
    index: () => journal.index(),
    journalFolder: () => journal.journalFolder(),
    now: () => services.clock.now(),
    reminderSettings: () => readSettings().reminder,
    host: vscodeHost(services, journal),
    log: (message) => services.log.warn(message),
  });
  const provider = new JournalPanelProvider(context.extensionUri, controller, journal, services.log, () => services.clock.now());
  context.subscriptions.push(provider, vscode.window.registerWebviewViewProvider(JOURNAL_VIEW_ID, provider));
  return {
    async request(message: unknown): Promise<ToWebview[]> {
      const replies: ToWebview[] = [];
      await controller.receive(message, (reply) => replies.push(reply));
      return replies;
    },
  };
}
