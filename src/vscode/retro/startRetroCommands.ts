import * as path from 'node:path';
import * as vscode from 'vscode';
import { createFileExclusive, pathExists } from '../../core/journal/journalFiles';
import { toIsoDate, weekdayName } from '../../core/toolkit/localDates';
import { BUILT_IN_TEMPLATES, builtInTemplate } from '../../core/retro/retroTemplates';
import { describeType } from '../../shared/text';
import { RetroTemplate } from '../../core/retro/startRetro';
import { loadUserTemplates, TEMPLATE_VARIABLES, TEMPLATES_FOLDER, toTypeSlug, UserTemplate } from '../../core/retro/userTemplates';
import { OnceEach } from '../../core/toolkit/onceEach';
import { BuiltInCommand, CommandId } from '../ids';
import { showJournalError } from '../journal/journalErrors';
import { Services } from '../services';
import { journalFolderOf, readSettings, ReflectSettings } from '../settings';
import { startTodaysRetro } from './todaysRetro';

/** Start Retro (picker), the two direct commands, and the template helpers. */
export function register(context: vscode.ExtensionContext, services: Services): void {
  const retros = new RetroStarter(services);
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandId.startRetro, (templateId?: unknown, day?: unknown) =>
      retros.start(typeof templateId === 'string' ? templateId : undefined, parseDayArgument(day)),
    ),
    vscode.commands.registerCommand(CommandId.startEndOfDayRetro, () => retros.start('end-of-day')),
    vscode.commands.registerCommand(CommandId.startSprintRetro, () => retros.start('sprint')),
    vscode.commands.registerCommand(CommandId.createTemplate, () => retros.createTemplate()),
    vscode.commands.registerCommand(CommandId.openJournalFolder, () => retros.openJournalFolder()),
  );
}

interface TemplateItem extends vscode.QuickPickItem {
  template?: RetroTemplate;
  /** An earlier day the user picked explicitly (a missed retro); otherwise the journal day. */
  day?: Date;
}

class RetroStarter {
  /** Template and setting problems already shown this session, so each is reported once. */
  private readonly reported = new OnceEach();

  constructor(private readonly services: Services) {}

  /**
   * Opens today's retro for a template (picked by the user when no id is given), or the retro of
   * `day` when one is given (the reminder of a missed retro), creating it first if needed.
   * Resolves to the entry's URI, or undefined when cancelled or failed.
   */
  async start(templateId?: string, day?: Date): Promise<vscode.Uri | undefined> {
    try {
      const settings = readSettings();
      for (const problem of settings.problems) this.reportOnce(problem, () => vscode.window.showWarningMessage(`Reflect: ${problem}`));
      const journal = journalFolderOf(settings);
      const userTemplates = await loadUserTemplates(journal);
      const picked = templateId ? { template: findTemplate(templateId, userTemplates), day } : await this.pick(journal, userTemplates, settings);
      const template = picked?.template;
      if (!template) {
        if (templateId) void vscode.window.showErrorMessage(`Reflect: there is no retro template "${templateId}".`);
        return undefined;
      }
      if (template.source === 'user') this.reportTemplateProblems(template, template.problems);

      const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Reflect: preparing your retro' }, () =>
        startTodaysRetro(template, settings, this.services, picked.day),
      );
      const { moment } = result;
      const uri = vscode.Uri.file(result.path);
      const editor = await vscode.window.showTextDocument(uri, { preview: false });
      if (result.created && result.cursor) {
        const at = new vscode.Position(result.cursor.line, result.cursor.character);
        editor.selection = new vscode.Selection(at, at);
        editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        this.services.log.info(`Started ${describeType(template.type)} retro: ${result.path}`);
        if (toIsoDate(moment) !== toIsoDate(this.services.clock.now())) {
          const why = picked.day ? 'as you chose' : `your day starts at ${formatTime(settings.dayStartsAt)}`;
          vscode.window.setStatusBarMessage(`$(notebook) Reflect: this retro is for ${weekdayName(moment)} ${toIsoDate(moment)} (${why})`, 8000);
        }
      } else {
        const whose = picked.day ? `${weekdayName(moment)}'s` : "today's";
        vscode.window.setStatusBarMessage(`$(notebook) Reflect: ${whose} ${describeType(template.type)} retro was already started; opened it`, 5000);
      }
      if (result.unknownVariables.length > 0 && template.source === 'user') {
        const names = result.unknownVariables.map((v) => `{{${v}}}`).join(', ');
        const known = TEMPLATE_VARIABLES.map((v) => `{{${v}}}`).join(', ');
        this.reportTemplateProblems(template, [`it uses ${names}, which Reflect does not know, so it was left as written (known: ${known})`]);
      }
      return uri;
    } catch (err) {
      void showJournalError(err, this.services.log); // not awaited: the message waits for the user
      return undefined;
    }
  }

  private async pick(journal: string, userTemplates: UserTemplate[], settings: ReflectSettings): Promise<TemplateItem | undefined> {
    const item = async (template: RetroTemplate): Promise<TemplateItem> => {
      // The same file the retro would be opened as: the journal day's (see reflect.dayStartsAt).
      const started = await pathExists(this.services.retroDays.entryFile(journal, template, settings.dayStartsAt));
      return {
        label: template.label,
        description: started ? "today's is started: opens it" : undefined,
        detail: template.description,
        template,
      };
    };
    const items: TemplateItem[] = await Promise.all(BUILT_IN_TEMPLATES.map(item));
    const missed = await this.missedItem(settings);
    if (missed) items.splice(1, 0, missed);
    if (userTemplates.length > 0) {
      items.push({ label: 'Your templates', kind: vscode.QuickPickItemKind.Separator });
      items.push(...(await Promise.all(userTemplates.map(item))));
    }
    return vscode.window.showQuickPick(items, {
      title: 'Reflect: Start Retro',
      placeHolder: 'Which retro? (your own templates live in the journal’s templates/ folder)',
      matchOnDetail: true,
    });
  }

  /** "Yesterday's retro — not written yet": the last workday's missing retro, offered, never chosen silently. */
  private async missedItem(settings: ReflectSettings): Promise<TemplateItem | undefined> {
    const missed = await this.services.retroDays.missed(settings.reminder, settings.dayStartsAt);
    if (!missed) return undefined;
    const template = builtInTemplate(missed.kind === 'sprint' ? 'sprint' : 'end-of-day')!;
    const today = this.services.retroDays.today(settings.dayStartsAt);
    const yesterday = toIsoDate(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1)) === toIsoDate(missed.day);
    const whose = yesterday ? 'Yesterday' : weekdayName(missed.day);
    return {
      label: `$(history) ${whose}'s ${missed.kind === 'sprint' ? 'sprint ' : ''}retro — not written yet`,
      description: toIsoDate(missed.day),
      detail: `Write the ${describeType(template.type)} retro for ${weekdayName(missed.day)} ${toIsoDate(missed.day)}, with that day's commits.`,
      template,
      day: missed.day,
    };
  }

  private reportTemplateProblems(template: UserTemplate, problems: string[]): void {
    for (const problem of problems) {
      const message = `Reflect: template "${path.basename(template.path)}": ${problem}.`;
      this.reportOnce(`${template.path}|${problem}`, async () => {
        this.services.log.warn(message);
        const open = 'Open Template';
        if ((await vscode.window.showWarningMessage(message, open)) === open) await vscode.window.showTextDocument(vscode.Uri.file(template.path));
      });
    }
  }

  private reportOnce(key: string, show: () => unknown): void {
    if (this.reported.first(key)) void show();
  }

  /** Writes a starter template into `<journal>/templates/` and opens it. */
  async createTemplate(): Promise<vscode.Uri | undefined> {
    try {
      const journal = journalFolderOf(readSettings());
      const name = await vscode.window.showInputBox({
        title: 'Reflect: Create Retro Template',
        prompt: 'Name of the new retro template (shown in Start Retro)',
        placeHolder: 'On-call week',
        validateInput: (value) => (value.trim() ? undefined : 'Give the template a name.'),
      });
      if (!name) return undefined;
      const file = path.join(journal, TEMPLATES_FOLDER, `${toTypeSlug(name)}.md`);
      const outcome = await createFileExclusive(file, starterTemplate(name.trim()));
      if (outcome === 'exists') void vscode.window.showInformationMessage(`Reflect: ${path.basename(file)} already exists; opened it.`);
      await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: false });
      return vscode.Uri.file(file);
    } catch (err) {
      void showJournalError(err, this.services.log); // not awaited: the message waits for the user
      return undefined;
    }
  }

  async openJournalFolder(): Promise<void> {
    try {
      await vscode.commands.executeCommand(BuiltInCommand.openFolder, vscode.Uri.file(journalFolderOf(readSettings())), { forceNewWindow: true });
    } catch (err) {
      void showJournalError(err, this.services.log);
    }
  }
}

/** A `YYYY-MM-DD` day passed to the command (by the reminder), as a local date; anything else is ignored. */
function parseDayArgument(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const day = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return toIsoDate(day) === value ? day : undefined;
}

function formatTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function findTemplate(id: string, userTemplates: UserTemplate[]): RetroTemplate | undefined {
  return builtInTemplate(id) ?? userTemplates.find((t) => t.id === id || t.type === id);
}

function starterTemplate(name: string): string {
  return `---
name: ${JSON.stringify(name)}
type: ${toTypeSlug(name)}
# period: day      # day, week or sprint: what "Worked on" and {{sprint}} cover
# tags: [oncall]   # other keys are copied into every entry
---
# ${name} · {{weekday}} {{date}}

## Worked on
{{commits}}

## What went well?
- 

## What didn't go well?
- 

## One thing I'll do differently
- 
`;
}
