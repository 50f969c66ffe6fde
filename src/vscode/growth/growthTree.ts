import * as path from 'node:path';
import * as vscode from 'vscode';
import { addDays, toIsoDate } from '../../core/toolkit/localDates';
import { GROUP_LABELS, GROWTH_GROUPS, GrowthGroup } from '../../shared/noteKinds';
import { byMonth, GoalStatus, groupCounts, GrowthNote, monthLabel, notesOf, Period } from '../../core/growth/growthView';
import { goalEvidence, GoalEvidence } from '../../core/review/goalEvidence';
import { findPatterns, MIN_ENTRIES, Pattern } from '../../core/review/patterns';
import { BuiltInCommand, CommandId, ContextKey, ViewId } from '../ids';
import { JournalService } from '../journal/journalService';
import { Services } from '../services';
import { readSettings } from '../settings';
import { isPeopleNode, PeopleNode, PeopleNodes, peopleItem } from './peopleNodes';

type Node =
  | { kind: 'group'; group: GrowthGroup; count: number }
  | { kind: 'month'; group: GrowthGroup; month: string; notes: GrowthNote[] }
  | { kind: 'note'; note: GrowthNote }
  | { kind: 'goal'; status: GoalStatus }
  | { kind: 'patterns'; patterns: Pattern[] }
  | { kind: 'pattern'; pattern: Pattern }
  | PeopleNode;

/** Patterns are looked for over this many days back from today. */
const PATTERN_DAYS = 90;

const GROUP_ICONS: Record<GrowthGroup, string> = {
  goals: 'target',
  wins: 'star-empty',
  setbacks: 'thumbsdown',
  feedback: 'comment-discussion',
  lessons: 'lightbulb',
  energizers: 'zap',
  drains: 'flame',
  changes: 'arrow-swap',
  helping: 'heart',
};

interface PeriodChoice extends vscode.QuickPickItem {
  period?: Period;
}

/** The Growth Notes view: every goal, win, piece of feedback… one click from where it was written. */
export class GrowthTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly changeEmitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  period: { label: string; value: Period } | undefined;
  byMonth: boolean;
  /** The journal the notes shown come from. */
  private folder = '';

  constructor(
    private readonly journal: JournalService,
    private readonly state: vscode.Memento,
    private readonly clock: Services['clock'],
    private readonly people: PeopleNodes,
  ) {
    this.byMonth = state.get<boolean>('growthNotes.byMonth', false);
  }

  refresh(): void {
    this.changeEmitter.fire(undefined);
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }

  async setByMonth(value: boolean): Promise<void> {
    this.byMonth = value;
    await this.state.update('growthNotes.byMonth', value);
    await vscode.commands.executeCommand(BuiltInCommand.setContext, ContextKey.growthByMonth, value);
    this.refresh();
  }

  async pickPeriod(): Promise<void> {
    const today = this.clock.now();
    const since = (days: number): Period => ({ from: toIsoDate(addDays(today, -(days - 1))) });
    const choices: PeriodChoice[] = [
      { label: 'Last 7 days', period: since(7) },
      { label: 'Last 30 days', period: since(30) },
      { label: 'Last 90 days', period: since(90) },
      { label: 'This year', period: { from: `${today.getFullYear()}-01-01` } },
      { label: 'Last year', period: { from: `${today.getFullYear() - 1}-01-01`, to: `${today.getFullYear() - 1}-12-31` } },
      { label: 'Custom range…' },
      { label: 'All time', period: {} },
    ];
    const picked = await vscode.window.showQuickPick(choices, { title: 'Reflect: Show Growth Notes From', placeHolder: 'Which period?' });
    if (!picked) return;
    let period = picked.period;
    let label = picked.label;
    if (!period) {
      const range = await vscode.window.showInputBox({
        title: 'Reflect: Custom Period',
        prompt: 'From and to, as YYYY-MM-DD YYYY-MM-DD (either may be left out with "-")',
        placeHolder: '2026-01-01 2026-06-30',
        validateInput: (v) => (parseRange(v) ? undefined : 'Two dates like 2026-01-01 2026-06-30, or "-" for an open end.'),
      });
      period = range ? parseRange(range) : undefined;
      if (!period) return;
      label = `${period.from ?? '…'} to ${period.to ?? '…'}`;
    }
    await this.setPeriod(period.from || period.to ? { label, value: period } : undefined);
  }

  async setPeriod(period: { label: string; value: Period } | undefined): Promise<void> {
    this.period = period;
    await vscode.commands.executeCommand(BuiltInCommand.setContext, ContextKey.growthFiltered, period !== undefined);
    this.refresh();
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'group': {
        const item = new vscode.TreeItem(GROUP_LABELS[node.group], node.count > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = `group:${node.group}`;
        item.description = String(node.count);
        item.iconPath = new vscode.ThemeIcon(GROUP_ICONS[node.group]);
        item.contextValue = `group.${node.group}`;
        item.accessibilityInformation = { label: `${GROUP_LABELS[node.group]}, ${node.count}` };
        return item;
      }
      case 'month': {
        const item = new vscode.TreeItem(monthLabel(node.month), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `month:${node.group}:${node.month}`;
        item.description = String(node.notes.length);
        item.contextValue = 'month';
        return item;
      }
      case 'note':
        return this.noteItem(node.note);
      case 'goal':
        return this.goalItem(node.status);
      case 'patterns': {
        const item = new vscode.TreeItem('Patterns', node.patterns.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = 'group:patterns';
        item.description = `${node.patterns.length} · last ${PATTERN_DAYS} days`;
        item.iconPath = new vscode.ThemeIcon('graph-line');
        item.tooltip = `Themes that came up in ${MIN_ENTRIES} or more entries of one kind in the last ${PATTERN_DAYS} days.`;
        item.contextValue = 'group.patterns';
        return item;
      }
      case 'pattern': {
        const { pattern } = node;
        const item = new vscode.TreeItem(pattern.label, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `pattern:${pattern.group}:${pattern.label}`;
        item.description = `${GROUP_LABELS[pattern.group].toLowerCase()} · ${pattern.entries} entries`;
        item.iconPath = new vscode.ThemeIcon(GROUP_ICONS[pattern.group]);
        item.tooltip = `"${pattern.label}" came up in ${pattern.entries} entries under ${GROUP_LABELS[pattern.group]}.`;
        item.contextValue = 'pattern';
        return item;
      }
      default:
        return peopleItem(node, (relative) => this.uriOf(relative));
    }
  }

  private noteItem(note: GrowthNote): vscode.TreeItem {
    const item = new vscode.TreeItem(note.text, vscode.TreeItemCollapsibleState.None);
    item.description = note.date;
    const uri = this.uriOf(note.path);
    item.resourceUri = uri;
    item.iconPath = new vscode.ThemeIcon(note.group === 'changes' && note.done ? 'pass' : 'circle-small');
    item.tooltip = new vscode.MarkdownString().appendText(note.text).appendMarkdown(`\n\n_${note.date} · ${path.posix.basename(note.path)}, line ${note.line + 1}_`);
    item.contextValue = 'note';
    item.command = {
      command: BuiltInCommand.open,
      title: 'Open Where It Was Written',
      arguments: [uri, { selection: new vscode.Range(note.line, 0, note.line, 0), preview: true }],
    };
    return item;
  }

  private goalItem(status: GoalStatus): vscode.TreeItem {
    const { goal } = status;
    const item = new vscode.TreeItem(goal.title, status.mentions.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    const verdict = status.verdict ?? (goal.done ? 'done' : 'open');
    const parts = [VERDICT_LABELS[verdict], `${status.retros} ${status.retros === 1 ? 'entry' : 'entries'}`];
    if (goal.due) parts.push(`due ${goal.due}`);
    item.description = parts.join(' · ');
    item.iconPath = new vscode.ThemeIcon(VERDICT_ICONS[verdict]);
    // Reflect never ticks a goal itself: "looks achieved" keeps Mark Done for the user to decide.
    item.contextValue = goal.done ? 'goal.done' : 'goal.open';
    item.tooltip = `${goal.title}\n${status.note ?? parts.join(' · ')}${goal.tags.length ? `\n#${goal.tags.join(' #')}` : ''}`;
    item.accessibilityInformation = { label: `Goal ${goal.title}, ${parts.join(', ')}` };
    // A click opens goals.md at the goal (the lines about it are its children).
    item.command = { command: CommandId.openGoal, title: 'Open', arguments: [{ status }] };
    return item;
  }

  private uriOf(relative: string): vscode.Uri {
    return vscode.Uri.file(path.join(this.folder, ...relative.split('/')));
  }

  async getChildren(node?: Node): Promise<Node[]> {
    const index = await this.journal.index();
    if (!index) return [];
    // Notes' paths are relative to the folder this index was built from (not re-read per item).
    this.folder = index.journalFolder;
    const entries = index.entries();
    const period = this.period?.value;
    if (!node) {
      const goals = await this.journal.goals();
      if (entries.length === 0 && goals.length === 0) return []; // shows the welcome content
      const counts = groupCounts(entries, goals, period);
      const since = toIsoDate(addDays(this.clock.now(), -(PATTERN_DAYS - 1)));
      const patterns = findPatterns(entries.filter((e) => e.date >= since));
      // An entry file that cannot be read is skipped inside; anything worse leaves the other groups standing.
      const people = await this.people.roots(index.journalFolder, entries, period).catch((): PeopleNode[] => []);
      return [...GROWTH_GROUPS.map((group): Node => ({ kind: 'group', group, count: counts[group] })), ...people, { kind: 'patterns', patterns }];
    }
    if (isPeopleNode(node)) return this.people.children(node);
    if (node.kind === 'group' && node.group === 'goals') {
      return goalEvidence(await this.journal.goals(), entries, period ?? {}).map((evidence) => ({ kind: 'goal', status: statusOf(evidence) }));
    }
    if (node.kind === 'goal') return node.status.mentions.map((note) => ({ kind: 'note', note }));
    if (node.kind === 'month') return node.notes.map((note) => ({ kind: 'note', note }));
    if (node.kind === 'patterns') return node.patterns.map((pattern) => ({ kind: 'pattern', pattern }));
    if (node.kind === 'pattern') {
      return [...node.pattern.sources].reverse().map((s) => ({ kind: 'note', note: { group: node.pattern.group, text: s.text, date: s.date, path: s.path, line: s.line, done: false } }));
    }
    if (node.kind === 'group') {
      const notes = notesOf(node.group, entries, period);
      if (this.byMonth) return byMonth(notes).map((m) => ({ kind: 'month', group: node.group, month: m.month, notes: m.notes }));
      return notes.map((note) => ({ kind: 'note', note }));
    }
    return [];
  }
}

const VERDICT_LABELS: Record<NonNullable<GoalStatus['verdict']>, string> = {
  done: 'done',
  'looks-achieved': 'looks achieved — mark done?',
  abandoned: 'looks abandoned',
  open: 'open',
};
const VERDICT_ICONS: Record<NonNullable<GoalStatus['verdict']>, string> = { done: 'pass-filled', 'looks-achieved': 'pass', abandoned: 'circle-slash', open: 'circle-large-outline' };

/** A goal as the tree shows it: the lines about it (newest first), and what they say of it. */
function statusOf(evidence: GoalEvidence): GoalStatus {
  const mentions = evidence.lines.map((l): GrowthNote => ({ group: l.group, text: l.text, date: l.date, path: l.path, line: l.line, done: false })).reverse();
  return { goal: evidence.goal, mentions, retros: new Set(mentions.map((m) => m.path)).size, verdict: evidence.verdict, note: evidence.note };
}

function parseRange(value: string): Period | undefined {
  const parts = value.trim().split(/\s+/);
  if (parts.length !== 2) return undefined;
  const ok = (p: string): boolean => p === '-' || /^\d{4}-\d{2}-\d{2}$/.test(p);
  if (!parts.every(ok)) return undefined;
  const period: Period = {};
  if (parts[0] !== '-') period.from = parts[0];
  if (parts[1] !== '-') period.to = parts[1];
  return period;
}

/** The Growth Notes tree view and its title-bar actions. */
export function register(context: vscode.ExtensionContext, services: Services): GrowthTreeProvider {
  const { journal } = services;
  const people = new PeopleNodes(journal, services.people, () => toIsoDate(services.retroDays.today(readSettings().dayStartsAt)));
  const provider = new GrowthTreeProvider(journal, context.globalState, services.clock, people);
  const view = vscode.window.createTreeView(ViewId.growthNotes, { treeDataProvider: provider, showCollapseAll: true });
  const describe = (): void => {
    view.description = provider.period?.label;
  };
  void vscode.commands.executeCommand(BuiltInCommand.setContext, ContextKey.growthByMonth, provider.byMonth);
  context.subscriptions.push(
    provider,
    people,
    view,
    journal.onDidChange(() => provider.refresh()),
    people.onDidChange(() => provider.refresh()),
    view.onDidChangeVisibility((e) => {
      if (e.visible) void journal.rescan(); // catches edits made outside VS Code that no watcher saw
    }),
    vscode.commands.registerCommand(CommandId.growthGroupByMonth, () => provider.setByMonth(true)),
    vscode.commands.registerCommand(CommandId.growthUngroup, () => provider.setByMonth(false)),
    vscode.commands.registerCommand(CommandId.growthFilter, async () => {
      await provider.pickPeriod();
      describe();
    }),
    vscode.commands.registerCommand(CommandId.growthClearFilter, async () => {
      await provider.setPeriod(undefined);
      describe();
    }),
  );
  return provider;
}
