/// <reference lib="dom" />
// The webview's end of src/shared/protocol.ts. Every request takes its id from one counter and its
// reply goes back to whoever asked; a part that stops waiting (a newer search, the reader closed)
// drops its request, and the late reply is then ignored.
import { FromWebview, JournalStatus, ToWebview } from '../shared/protocol';
import { PanelState } from './state';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: PanelState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** The messages that are answered, by requestId. */
export type Request = Extract<FromWebview, { requestId: number }>;

/**
 * The replies each request waits for. A read that could not be answered gets `failed`; a write is
 * always answered with `written`, a failed one too (see the extension's panelController).
 */
const REPLY_TYPES = {
  query: ['page', 'failed'],
  trends: ['trends', 'failed'],
  openEntry: ['entry', 'failed'],
  capture: ['written'],
  setEnergy: ['written'],
} as const satisfies Record<Request['type'], readonly ToWebview['type'][]>;

export type ReplyTo<T extends Request['type']> = Extract<ToWebview, { type: (typeof REPLY_TYPES)[T][number] }>;

/** A request sent and not answered yet. */
export interface Pending {
  /** Stops waiting: its reply, if one still comes, goes nowhere. */
  drop(): void;
}

export class PanelClient {
  // acquireVsCodeApi() may be called only once per document.
  private readonly api = acquireVsCodeApi();
  private nextRequestId = 1;
  private readonly waiting = new Map<number, { expects: readonly ToWebview['type'][]; deliver: (reply: ToWebview) => void }>();
  private journalListener: (status: JournalStatus) => void = () => undefined;

  constructor() {
    window.addEventListener('message', (event: MessageEvent<ToWebview>) => this.receive(event.data));
  }

  send(message: FromWebview): void {
    this.api.postMessage(message);
  }

  /** Sends the message `build` makes with a fresh request id; its reply goes to `onReply`, once. */
  request<R extends Request>(build: (requestId: number) => R, onReply: (reply: ReplyTo<R['type']>) => void): Pending {
    const id = this.nextRequestId++;
    const message = build(id);
    // receive() delivers only the types in REPLY_TYPES[message.type], which is what ReplyTo names.
    this.waiting.set(id, { expects: REPLY_TYPES[message.type], deliver: (reply) => onReply(reply as ReplyTo<R['type']>) });
    this.send(message);
    return { drop: () => void this.waiting.delete(id) };
  }

  /** Where the journal's status goes (sent after `ready` and whenever the journal changes). */
  onJournal(listener: (status: JournalStatus) => void): void {
    this.journalListener = listener;
  }

  getState(): unknown {
    return this.api.getState();
  }

  setState(state: PanelState): void {
    this.api.setState(state);
  }

  private receive(message: ToWebview): void {
    if (message.type === 'journal') return this.journalListener(message.status);
    const waiting = this.waiting.get(message.requestId);
    // A reply of another kind under the same id is not this request's answer: keep waiting.
    if (!waiting || !waiting.expects.includes(message.type)) return;
    this.waiting.delete(message.requestId);
    waiting.deliver(message);
  }
}
