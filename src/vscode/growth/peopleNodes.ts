// The people part of the Growth Notes tree: Feedback asked, Promises and People. Their lines are
// read from the entry files (the index keeps bullets, not a request's parts) when the tree asks,
// once per change of the journal or of people.md; core/people/peopleView decides what they say.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Period } from '../../core/growth/growthView';
import { IndexedEntry } from '../../core/journal/indexShape';
import { PEOPLE_FILE } from '../../core/people/peopleNames';
import { PeopleReader } from '../../core/people/peopleJournal';
import { PeopleRow, PeopleView, peopleView, PersonView } from '../../core/people/peopleView';
import { Disposable } from '../../core/toolkit/lifecycle';
import { plural } from '../../shared/text';
import { BuiltInCommand } from '../ids';
import { JournalService } from '../journal/journalService';

export type PeopleNode =
  | { kind: 'feedbackAsked'; view: PeopleView }
  | { kind: 'promises'; view: PeopleView }
  | { kind: 'people'; view: PeopleView }
  // `person` by name: Prepare 1:1 run from the item's menu takes it as its argument.
  | { kind: 'person'; person: string; view: PersonView }
  // `request` as Record Feedback takes it: run from an open request's menu, it answers that request.
  | { kind: 'personRow'; row: PeopleRow; request?: { path: string; line: number } };

const KINDS: ReadonlySet<string> = new Set<PeopleNode['kind']>(['feedbackAsked', 'promises', 'people', 'person', 'personRow']);

export function isPeopleNode(node: { kind: string }): node is PeopleNode {
  return KINDS.has(node.kind);
}

const ROW_ICONS: Record<PeopleRow['kind'], Partial<Record<PeopleRow['state'], string>> & { default: string }> = {
  asked: { due: 'bell-dot', done: 'pass', default: 'circle-large-outline' },
  promise: { due: 'warning', done: 'pass', default: 'circle-large-outline' },
  feedback: { default: 'quote' },
  helped: { default: 'heart' },
};

/** The tree's people groups and their children, from one view of the journal per change. */
export class PeopleNodes extends Disposable {
  private readonly changeEmitter = this.register(new vscode.EventEmitter<void>());
  /** people.md changed: the names, and so the groups, may differ (entries changing is the journal's own event). */
  readonly onDidChange = this.changeEmitter.event;
  private cached: { key: string; view: Promise<PeopleView> } | undefined;
  private revision = 0;

  constructor(
    journal: JournalService,
    /** The one reader of the journal's people lines, shared with the follow-ups and the commands. */
    private readonly reader: PeopleReader,
    /** The journal day, `YYYY-MM-DD`. */
    private readonly today: () => string,
  ) {
    super();
    this.register(journal.onDidChange(() => this.revision++));
    this.register(
      journal.onDidChangeFile((file) => {
        const folder = journal.journalFolder();
        if (folder && file === path.join(folder, PEOPLE_FILE)) {
          this.revision++;
          this.changeEmitter.fire();
        }
      }),
    );
  }

  /** Feedback asked, Promises and People, for the tree's top level. */
  async roots(folder: string, entries: readonly IndexedEntry[], period: Period | undefined): Promise<PeopleNode[]> {
    const view = await this.view(folder, entries, period);
    return [
      { kind: 'feedbackAsked', view },
      { kind: 'promises', view },
      { kind: 'people', view },
    ];
  }

  children(node: PeopleNode): PeopleNode[] {
    const rows = (rows: PeopleRow[]): PeopleNode[] =>
      rows.map((row) => ({ kind: 'personRow', row, ...(row.kind === 'asked' && row.state !== 'done' ? { request: { path: row.path, line: row.line } } : {}) }));
    switch (node.kind) {
      case 'feedbackAsked':
        return rows(node.view.asked);
      case 'promises':
        return rows(node.view.promises);
      case 'people':
        return node.view.people.map((p) => ({ kind: 'person', person: p.name, view: p }));
      case 'person':
        return rows(node.view.rows);
      case 'personRow':
        return [];
    }
  }

  private view(folder: string, entries: readonly IndexedEntry[], period: Period | undefined): Promise<PeopleView> {
    const today = this.today();
    const key = JSON.stringify([folder, today, this.revision, period?.from ?? '', period?.to ?? '']);
    if (this.cached?.key !== key) {
      const view = this.reader
        .read(folder, entries)
        .then((data) => peopleView({ today, entries, requests: data.requests, answers: data.answers, people: data.people, ...(period ? { period } : {}) }));
      // A failed read is tried again on the next ask, not kept.
      view.catch(() => {
        if (this.cached?.view === view) this.cached = undefined;
      });
      this.cached = { key, view };
    }
    return this.cached.view;
  }
}

/** The tree item of a people node; `uriOf` turns a journal-relative path into the file to open. */
export function peopleItem(node: PeopleNode, uriOf: (relative: string) => vscode.Uri): vscode.TreeItem {
  const group = (label: string, id: string, count: number, description: string, icon: string, tooltip: string): vscode.TreeItem => {
    const item = new vscode.TreeItem(label, count > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `group:${id}`;
    item.description = description;
    item.iconPath = new vscode.ThemeIcon(icon);
    item.contextValue = `group.${id}`;
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: `${label}, ${description}` };
    return item;
  };
  switch (node.kind) {
    case 'feedbackAsked': {
      const { due, waiting, answered } = node.view.askedCounts;
      const parts = [due ? `${due} due` : '', waiting ? `${waiting} waiting` : '', answered ? `${answered} answered` : ''].filter(Boolean);
      return group('Feedback asked', 'feedbackAsked', node.view.asked.length, parts.join(' · ') || '0', 'comment-unresolved',
        'Feedback you asked for (Reflect: Ask for Feedback): open requests first, the soonest follow-up first, then the answered ones.');
    }
    case 'promises': {
      const { promises, overdue } = node.view;
      return group('Promises', 'promises', promises.length, `${promises.length}${overdue ? ` · ${overdue} overdue` : ''}`, 'tasklist',
        'Commitments that name someone and a day ("send @sam the runbook by Fri") and are not ticked yet, the soonest due first.');
    }
    case 'people':
      return group('People', 'people', node.view.people.length, String(node.view.people.length), 'organization',
        'Everyone your entries name in feedback, requests, promises or help, and everyone in people.md; the most recently seen first.');
    case 'person': {
      const { view } = node;
      const item = new vscode.TreeItem(view.name, view.rows.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = `person:${view.name.toLowerCase()}`;
      item.description = view.description;
      item.iconPath = new vscode.ThemeIcon('account');
      item.tooltip = view.tooltip;
      item.contextValue = 'person';
      item.accessibilityInformation = { label: `${view.name}, ${view.description}, ${plural(view.rows.length, 'item')}` };
      return item;
    }
    case 'personRow': {
      const { row } = node;
      const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.None);
      item.description = row.description;
      const icons = ROW_ICONS[row.kind];
      item.iconPath = new vscode.ThemeIcon(icons[row.state] ?? icons.default);
      const uri = uriOf(row.path);
      item.resourceUri = uri;
      item.tooltip = new vscode.MarkdownString().appendText(row.tooltip).appendMarkdown(`\n\n_${row.date} · ${path.posix.basename(row.path)}, line ${row.line + 1}_`);
      item.contextValue = `row.${row.kind}.${row.state}`;
      item.accessibilityInformation = { label: `${row.label}, ${row.description}` };
      item.command = {
        command: BuiltInCommand.open,
        title: 'Open Where It Was Written',
        arguments: [uri, { selection: new vscode.Range(row.line, 0, row.line, 0), preview: true }],
      };
      return item;
    }
  }
}
