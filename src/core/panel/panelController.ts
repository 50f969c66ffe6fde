import * as path from 'node:path';
import { captureBullet, captureNoun, CAPTURES } from '../../shared/noteKinds';
import {
  energyDescription,
  EntryView,
  FromWebview,
  JournalStatus,
  parseFromWebview,
  TimelineQuery,
  TimelineRow,
  ToWebview,
  Trends,
  TrendRange,
} from '../../shared/protocol';
import { IndexedEntry, JournalIndex } from '../journal/journalIndex';
import { insideJournal, resolveJournalFile } from '../journal/journalPaths';
import { EntryFiles, EntryTextCache, entryPreview, matchesAll, parseSearch, searchSnippet } from './entrySearch';
import { filterTimeline, timelineFacets } from './timeline';
import { averageEnergy, energySeries, entriesThisMonth, journalStreak, onThisDay } from './trends';
import { parseEntryName } from '../journal/journalFiles';
import { yieldToEventLoop } from '../toolkit/async';
import { toIsoDate } from '../toolkit/localDates';
import { ReminderSettings } from '../reminders/reminderSchedule';
import { addBulletEdit, EditOutcome, LineEdit, setEnergyEdit } from '../journal/entryEdits';

/** What the controller needs from the editor: the VS Code layer implements it, tests use files. */
export interface PanelHost {
  /** Today's entry, as the capture commands write it: created from the end-of-day template when `create` and missing. */
  todayEntry(create: boolean): Promise<string>;
  /** Applies a one-line edit without clobbering unsaved text (through the editor when the file is open). */
  edit(file: string, makeEdit: (text: string) => LineEdit | undefined): Promise<EditOutcome>;
  openInEditor(file: string): Promise<void>;
  openExternal(url: string): Promise<void>;
}

export interface PanelDeps {
  index(): Promise<JournalIndex | undefined>;
  journalFolder(): string | undefined;
  now(): Date;
  reminderSettings(): ReminderSettings;
  host: PanelHost;
  log(message: string): void;
  /** How entry texts are read; Node's file system unless a test counts the reads. */
  files?: EntryFiles;
}

/** Entry bodies longer than this are cut before they are sent to the webview. */
export const MAX_BODY_CHARS = 1_000_000;
/** Files read between yields while searching, so a long search never blocks the extension host for long. */
const SEARCH_BATCH = 64;


/**
 * The extension side of the journal panel, free of VS Code: it validates every message from the
 * webview, answers from the index, and writes only to today's entry, inside the journal.
 */
export class JournalPanelController {
  private revision = 0;
  /** The folder the last status was about, and a number that changes with it. */
  private folder: string | undefined;
  private folderNumber = 0;
  private readonly texts: EntryTextCache;
  /** Bumped by every search; an older search still running stops at its next yield. */
  private searchGeneration = 0;

  constructor(private readonly deps: PanelDeps) {
    this.texts = new EntryTextCache(deps.files);
  }

  /** Call when the journal changed: the next status carries a new revision, and the webview refreshes. */
  journalChanged(): void {
    this.revision++;
  }

  /** Validates one message from the webview; anything that fails is logged and dropped (undefined). */
  accept(raw: unknown): FromWebview | undefined {
    const parsed = parseFromWebview(raw);
    if (parsed.ok) return parsed.message;
    this.deps.log(`Journal panel: ignored a message from the webview (${parsed.reason})`);
    return undefined;
  }

  /** Validates and handles one message, as one from the webview. */
  async receive(raw: unknown, reply: (message: ToWebview) => void): Promise<void> {
    const message = this.accept(raw);
    if (message) await this.handle(message, reply);
  }

  /** Handles a message accept() returned; failures are replied to, never thrown. */
  async handle(message: FromWebview, reply: (message: ToWebview) => void): Promise<void> {
    try {
      await this.answer(message, reply);
    } catch (err) {
      const text = err instanceof Error ? err.message : String(err);
      this.deps.log(`Journal panel: ${message.type} failed: ${text}`);
      if (message.type === 'capture' || message.type === 'setEnergy') reply({ type: 'written', requestId: message.requestId, ok: false, message: `Nothing was written: ${text}` });
      else if ('requestId' in message) reply({ type: 'failed', requestId: message.requestId, message: text });
    }
  }

  private async answer(message: FromWebview, reply: (message: ToWebview) => void): Promise<void> {
    switch (message.type) {
      case 'ready':
        return reply({ type: 'journal', status: await this.status() });
      case 'query': {
        const page = await this.page(message.query, message.offset, message.limit);
        if (page) reply({ type: 'page', requestId: message.requestId, offset: message.offset, ...page });
        return;
      }
      case 'trends':
        return reply({ type: 'trends', requestId: message.requestId, trends: await this.trends(message.days) });
      case 'openEntry':
        return reply({ type: 'entry', requestId: message.requestId, id: message.id, entry: await this.entryView(message.id) });
      case 'openInEditor': {
        const { file } = await this.lookUp(message.id);
        if (file) await this.deps.host.openInEditor(file);
        return;
      }
      case 'capture': {
        const outcome = await this.writeToday((text) => addBulletEdit(text, CAPTURES[message.kind].section, captureBullet(message.kind, message.text)));
        const what = captureNoun(message.kind);
        return reply({
          type: 'written',
          requestId: message.requestId,
          ok: true,
          message: outcome === 'unsaved' ? `${what} added in the editor, where today's entry has unsaved changes: save it to keep it.` : `${what} added to today's entry.`,
        });
      }
      case 'setEnergy': {
        const outcome = await this.writeToday((text) => setEnergyEdit(text, message.energy));
        const label = `Energy today: ${energyDescription(message.energy)}.`;
        return reply({
          type: 'written',
          requestId: message.requestId,
          ok: true,
          message: outcome === 'unsaved' ? `${label} Set in the editor, where today's entry has unsaved changes: save it to keep it.` : label,
        });
      }
      case 'openLink':
        return this.deps.host.openExternal(message.url);
    }
  }

  /** What the panel shows about the journal as a whole. */
  async status(): Promise<JournalStatus> {
    const index = await this.deps.index();
    // The folder the index was built from: while a changed setting reloads, the two may differ.
    const folder = index?.journalFolder;
    if (!index || !folder) {
      return { state: 'unavailable', message: 'Reflect cannot read the journal folder. Check the setting reflect.journalFolder.' };
    }
    const entries = index.entries();
    this.texts.retain(new Set(entries.map((e) => resolveJournalFile(folder, e.path) ?? '')));
    const todayFile = await this.deps.host.todayEntry(false).catch(() => undefined);
    const rel = todayFile ? index.relative(todayFile) : undefined;
    const todayEntry = rel ? index.entry(rel) : undefined;
    const today = (todayFile && parseEntryName(path.basename(todayFile))?.date) ?? toIsoDate(this.deps.now());
    if (folder !== this.folder) {
      this.folder = folder;
      this.folderNumber++;
    }
    const status: JournalStatus = { state: 'ready', revision: this.revision, today, journal: this.folderNumber, ...timelineFacets(entries), total: entries.length };
    if (todayEntry?.energy !== undefined) status.todayEnergy = todayEntry.energy;
    return status;
  }

  /** One page of the timeline for a query; undefined when a newer search replaced this one. */
  async page(query: TimelineQuery, offset: number, limit: number): Promise<{ rows: TimelineRow[]; total: number } | undefined> {
    const index = await this.deps.index();
    const folder = index?.journalFolder;
    if (!index || !folder) return { rows: [], total: 0 };
    let list = filterTimeline(index.entries(), query, this.deps.now());
    const terms = parseSearch(query.text);
    let snippets: Map<string, string> | undefined;
    if (terms.length > 0) {
      const found = await this.search(folder, list, terms);
      if (!found) return undefined;
      list = found.entries;
      snippets = found.snippets;
    }
    const rows = list.slice(offset, offset + limit).map((e) => this.row(folder, e, snippets?.get(e.path)));
    return { rows, total: list.length };
  }

  private async search(folder: string, entries: IndexedEntry[], terms: string[]): Promise<{ entries: IndexedEntry[]; snippets: Map<string, string> } | undefined> {
    const generation = ++this.searchGeneration;
    const found: IndexedEntry[] = [];
    const snippets = new Map<string, string>();
    for (let i = 0; i < entries.length; i += SEARCH_BATCH) {
      for (const entry of entries.slice(i, i + SEARCH_BATCH)) {
        const text = this.texts.read(folder, entry);
        if (!text || !matchesAll(this.texts.folded(text), terms)) continue;
        found.push(entry);
        const snippet = searchSnippet(text.body, terms);
        if (snippet) snippets.set(entry.path, snippet);
      }
      await yieldToEventLoop();
      if (generation !== this.searchGeneration) return undefined;
    }
    return { entries: found, snippets };
  }

  private row(folder: string, entry: IndexedEntry, preview?: string): TimelineRow {
    const row: TimelineRow = { id: entry.path, date: entry.date, type: entry.type, tags: entry.tags, preview: preview ?? '' };
    if (entry.energy !== undefined) row.energy = entry.energy;
    if (preview === undefined) {
      const text = this.texts.read(folder, entry);
      if (text) row.preview = text.preview ??= entryPreview(text.body);
    }
    return row;
  }

  async trends(days: TrendRange): Promise<Trends> {
    const index = await this.deps.index();
    const folder = index?.journalFolder;
    const now = this.deps.now();
    const entries = index?.entries() ?? [];
    const energy = energySeries(entries, now, days);
    return {
      days,
      streak: journalStreak(entries, now, this.deps.reminderSettings()),
      thisMonth: entriesThisMonth(entries, now),
      energy,
      averageEnergy: averageEnergy(energy),
      onThisDay: onThisDay(entries, now).map((card) =>
        card.entry && folder ? { label: card.label, date: card.date, entry: this.row(folder, card.entry) } : { label: card.label, date: card.date },
      ),
    };
  }

  /** The entry an id names, if the index holds it, and its file, if that lies inside the journal. */
  private async lookUp(id: string): Promise<{ entry?: IndexedEntry; file?: string; folder?: string }> {
    const index = await this.deps.index();
    const folder = index?.journalFolder;
    const entry = index?.entry(id);
    if (!entry || !folder) return {};
    return { entry, folder, file: resolveJournalFile(folder, entry.path) };
  }

  private async entryView(id: string): Promise<EntryView | undefined> {
    const { entry, file, folder } = await this.lookUp(id);
    if (!entry || !file || !folder) return undefined;
    // Read what is on disk now: the index may lag a save by a moment.
    const text = this.texts.read(folder, entry, true);
    if (!text) return undefined;
    const truncated = text.body.length > MAX_BODY_CHARS;
    return { row: this.row(folder, entry), body: truncated ? text.body.slice(0, MAX_BODY_CHARS) : text.body, truncated };
  }

  /** Applies an edit to today's entry (creating it first), after checking it lies inside the journal. */
  private async writeToday(makeEdit: (text: string) => LineEdit | undefined): Promise<EditOutcome> {
    const folder = this.deps.journalFolder();
    if (!folder) throw new Error('the journal folder setting is unusable');
    // Checked before the entry is created, and again on the path the creation returned.
    const outside = (file: string): boolean => insideJournal(folder, file) === undefined;
    if (outside(await this.deps.host.todayEntry(false))) throw new Error("today's entry would lie outside the journal folder");
    const target = insideJournal(folder, await this.deps.host.todayEntry(true));
    if (!target) throw new Error("today's entry would lie outside the journal folder");
    const outcome = await this.deps.host.edit(target, makeEdit);
    // The file watcher may take a moment; the panel should show the change now.
    if (outcome === 'saved') await (await this.deps.index())?.update(target);
    return outcome;
  }
}
