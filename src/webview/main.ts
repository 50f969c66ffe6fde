/// <reference lib="dom" />
// The journal panel in the webview: timeline, reader, quick capture, search and trends. This file
// only wires the parts together; each owns its own state and reaches the others through the small
// interfaces handed to it here. The parts talk to the extension only through the messages in
// src/shared/protocol.ts (client.ts), render entry Markdown only through markdown.ts (marked +
// DOMPurify), and build every other node with textContent.
import { JournalStatus } from '../shared/protocol';
import { createCapture } from './capture';
import { PanelClient } from './client';
import { findUi } from './dom';
import { createListbox } from './listbox';
import { createReader } from './reader';
import { createStore } from './state';
import { createTimeline } from './timeline';
import { createTrends } from './trends';

/** When this script started, ms after the document did: the first-render figures start from here. */
const scriptStarted = performance.now();
const client = new PanelClient();
const store = createStore(client);
const ui = findUi();

const listbox = createListbox(ui.timeline, store);
const reader = createReader({ ui, client, store, listbox });
const timeline = createTimeline({ ui, client, store, listbox, reader, scriptStarted });
const capture = createCapture({ ui, client, store });
const trends = createTrends({ ui, client, store, reader });

/** Hands each journal status to the parts; when the journal changed since the last one, asks again for what is on screen. */
function journalWatcher(): (status: JournalStatus) => void {
  let previous: JournalStatus | undefined;
  return (status) => {
    const before = previous;
    previous = status;
    capture.journalChanged(status);
    timeline.journalChanged(status);
    if (status.state !== 'ready') return;
    // Something changed on disk: ask again for what is on screen, keeping the scroll position.
    if (before && (before.state !== 'ready' || before.revision !== status.revision)) {
      timeline.reload();
      trends.request();
      reader.reload();
    }
  };
}
client.onJournal(journalWatcher());

// ---- start: restore the controls, then the handshake and the first requests

timeline.restore();
capture.restore();
trends.restore();
reader.restore();

client.send({ type: 'ready' });
timeline.loadFirstPage();
trends.request();
reader.reopenSaved();
