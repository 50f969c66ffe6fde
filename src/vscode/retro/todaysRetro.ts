import * as vscode from 'vscode';
import { pathExists } from '../../core/journal/journalFiles';
import { RetroTemplate, startRetro, StartRetroResult } from '../../core/retro/startRetro';
import { Services } from '../services';
import { journalFolderOf, ReflectSettings } from '../settings';

/**
 * Opens (creating it if needed) the retro of `template` for the journal day, or for `day` when the
 * user chose an earlier one, as Start Retro, quick capture and the journal panel all do: the retro
 * day from the core, the window's workspace, trust and git path, the previous retro from the index.
 */
export async function startTodaysRetro(template: RetroTemplate, settings: ReflectSettings, services: Services, day?: Date): Promise<StartRetroResult & { moment: Date }> {
  const journalFolder = journalFolderOf(settings);
  const moment = services.retroDays.moment(settings.dayStartsAt, day);
  // A new entry: take in the other machines' journal first, so this one never starts a rival of theirs.
  if (!(await pathExists(services.retroDays.entryFile(journalFolder, template, settings.dayStartsAt, day)))) await services.beforeNewEntry.run(journalFolder);
  const result = await startRetro({
    journalFolder,
    template,
    now: moment,
    workspace: vscode.workspace.name ?? '',
    workspaceFolders: (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath),
    sprint: settings.sprint,
    // A repository's own config can run programs: no git at all in an untrusted workspace.
    gitAllowed: vscode.workspace.isTrusted,
    gitPath: settings.git.path,
    // A previous retro written a moment ago may not have reached the index through the watcher yet.
    entries: () => services.journal.entries({ fresh: true }),
    // Only today's retro lists what is due today: an earlier day's was written (or missed) already.
    followUps: day ? undefined : () => services.followUps.due(),
  });
  return { ...result, moment };
}
