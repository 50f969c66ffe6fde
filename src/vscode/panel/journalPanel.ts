import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { JournalPanelController, PanelHost } from '../../core/panel/panelController';
import { builtInTemplate } from '../../core/retro/retroTemplates';
import { debounce } from '../../core/toolkit/async';
import { Disposable, DisposableStore, toDisposable } from '../../core/toolkit/lifecycle';
import { ToWebview } from '../../shared/protocol';
import { ViewId } from '../ids';
import { editJournalFile } from '../journal/journalEdits';
import { startTodaysRetro } from '../retro/todaysRetro';
import { Services } from '../services';
import { journalFolderOf, readSettings } from '../settings';
import { panelHtml } from './panelHtml';

/** What tests in the extension host can do with the panel: send it a message as the webview would. */
export interface JournalPanelApi {
  /** Handles `message` exactly as one from the webview and resolves to the replies. */
  request(message: unknown): Promise<ToWebview[]>;
  /** Resolves once the view's webview has started and said `ready` (at once if it is showing already). */
  whenReady(): Promise<void>;
}

/** A new random nonce for every HTML render: 128 bits from the OS's CSPRNG. */
const newNonce = (): string => randomBytes(16).toString('base64');

/** Coalesces a burst of index changes (a rescan, a save) into one refresh of the panel. */
const CHANGE_DELAY_MS = 250;

class JournalPanelProvider extends Disposable implements vscode.WebviewViewProvider {
  private view: vscode.WebviewView | undefined;
  /** True between the webview's `ready` and the moment it is hidden (which drops its document). */
  private ready = false;
  private readyWaiters: (() => void)[] = [];
  private midnightTimer: NodeJS.Timeout | undefined;
  /** Listeners of the view now shown; a new view replaces them. */
  private readonly viewScope = this.register(new DisposableStore());
  private readonly refreshSoon = debounce(() => this.refresh(), CHANGE_DELAY_MS);

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly controller: JournalPanelController,
    private readonly services: Services,
  ) {
    super();
    this.register(services.journal.onDidChange(() => this.refreshSoon()));
    this.register(toDisposable(() => this.refreshSoon.cancel()));
    this.register(toDisposable(() => clearTimeout(this.midnightTimer)));
  }

  /**
   * When the next journal day starts (`reflect.dayStartsAt`) and again at midnight, "today" moves on:
   * capture's day, today's energy, the chart's end.
   */
  private scheduleMidnight(): void {
    clearTimeout(this.midnightTimer);
    const now = this.services.clock.now();
    const starts = readSettings().dayStartsAt;
    const dayStart = new Date(now.getFullYear(), now.getMonth(), now.getDate(), Math.floor(starts / 60), starts % 60, 1);
    const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1);
    const next = dayStart > now && dayStart < midnight ? dayStart : midnight;
    this.midnightTimer = setTimeout(() => {
      this.refreshSoon();
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
    this.viewScope.clear();
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
    this.viewScope.add(
      webview.onDidReceiveMessage((raw: unknown) => {
        const message = this.controller.accept(raw);
        if (!message) return;
        if (message.type === 'ready') this.markReady();
        void this.controller.handle(message, (reply) => this.post(view, reply));
      }),
    );
    // A hidden webview view loses its document; it says `ready` again when shown.
    this.viewScope.add(
      view.onDidChangeVisibility(() => {
        if (!view.visible) this.ready = false;
      }),
    );
    this.viewScope.add(
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

  whenReady(): Promise<void> {
    return this.ready ? Promise.resolve() : new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  private markReady(): void {
    this.ready = true;
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }

  private refresh(): void {
    this.controller.journalChanged();
    const view = this.view;
    if (!view || !this.ready) return;
    void this.controller.status().then(
      (status) => this.post(view, { type: 'journal', status }),
      (err: unknown) => this.services.log.error(`Journal panel: could not refresh: ${err instanceof Error ? err.message : String(err)}`),
    );
  }
}

/** Today's entry and edits to it exactly as the capture commands make them; links and files opened by VS Code. */
function vscodeHost(services: Services): PanelHost {
  return {
    async todayEntry(create: boolean): Promise<string> {
      const template = builtInTemplate('end-of-day')!;
      const settings = readSettings();
      if (!create) return services.retroDays.entryFile(journalFolderOf(settings), template, settings.dayStartsAt);
      return (await startTodaysRetro(template, settings, services)).path;
    },
    // Through the editor when the file is open (unsaved text is kept), else an atomic replace.
    edit: editJournalFile,
    async openInEditor(file: string): Promise<void> {
      await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: false });
    },
    async openExternal(url: string): Promise<void> {
      // Opened as the checked URL reads it, canonical, never re-parsed from the raw text.
      const uri = vscode.Uri.parse(new URL(url).href, true);
      if (uri.scheme === 'http' || uri.scheme === 'https') await vscode.env.openExternal(uri);
    },
  };
}

/** The Journal panel: timeline, reader, quick capture, search and trends in the Reflect container. */
export function register(context: vscode.ExtensionContext, services: Services): JournalPanelApi {
  const controller = new JournalPanelController({
    index: () => services.journal.index(),
    journalFolder: () => services.journal.journalFolder(),
    now: () => services.clock.now(),
    reminderSettings: () => readSettings().reminder,
    host: vscodeHost(services),
    log: (message) => services.log.warn(message),
  });
  const provider = new JournalPanelProvider(context.extensionUri, controller, services);
  context.subscriptions.push(provider, vscode.window.registerWebviewViewProvider(ViewId.journal, provider));
  return {
    async request(message: unknown): Promise<ToWebview[]> {
      const replies: ToWebview[] = [];
      await controller.receive(message, (reply) => replies.push(reply));
      return replies;
    },
    whenReady: () => provider.whenReady(),
  };
}
