// A PanelHost over plain files (no editor), for driving the journal panel's controller in Node.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { JournalIndex } from '../../../../src/core/journal/journalIndex';
import { rewriteFile } from '../../../../src/core/journal/journalFiles';
import { EntryFiles, nodeEntryFiles } from '../../../../src/core/panel/entrySearch';
import { PanelDeps, PanelHost } from '../../../../src/core/panel/panelController';
import { normalizeReminderSettings } from '../../../../src/core/reminders/reminderSchedule';
import { builtInTemplate } from '../../../../src/core/retro/retroTemplates';
import { applyLineEdit } from '../../../../src/core/journal/entryEdits';
import { startRetro, todaysRetroPath } from '../../../../src/core/retro/startRetro';
import { entriesIn } from '../../fixtures';

export interface RecordingHost extends PanelHost {
  /** What the host was asked to do, in order: `todayEntry` (when creating), `edit`, `open <file>`, `external <url>`. */
  calls: string[];
  /** Makes todayEntry return this path instead (a host gone wrong). */
  todayOverride?: string;
}

export const reminderSettings = normalizeReminderSettings({}).settings;

export function fileHost(journal: string, now: Date): RecordingHost {
  const host: RecordingHost = {
    calls: [],
    async todayEntry(create) {
      const template = builtInTemplate('end-of-day')!;
      if (create) host.calls.push('todayEntry');
      if (host.todayOverride) return host.todayOverride;
      if (!create) return todaysRetroPath(journal, template, now);
      const result = await startRetro({ journalFolder: journal, template, now, workspace: 'shop', workspaceFolders: [], sprint: reminderSettings.sprint, gitAllowed: false, entries: () => entriesIn(journal) });
      return result.path;
    },
    async edit(file, makeEdit) {
      host.calls.push('edit');
      return rewriteFile(file, (text) => {
        const edit = makeEdit(text);
        return edit ? applyLineEdit(text, edit) : undefined;
      });
    },
    async openInEditor(file) {
      host.calls.push(`open ${file}`);
    },
    async openExternal(url) {
      host.calls.push(`external ${url}`);
    },
  };
  return host;
}

export function panelDeps(journal: string, index: JournalIndex, host: PanelHost, now: Date, log: string[] = []): PanelDeps {
  return {
    index: async () => index,
    journalFolder: () => journal,
    now: () => new Date(now),
    reminderSettings: () => reminderSettings,
    host,
    log: (m) => log.push(m),
  };
}

/** Writes an entry file as Reflect would name it; returns its path relative to the journal. */
export function writeEntry(journal: string, date: string, body: string, front: Record<string, string | number> = {}, type = 'end-of-day'): string {
  const rel = `entries/${date.slice(0, 4)}/${date}-${type}.md`;
  const file = path.join(journal, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  const fm = Object.entries({ type, date, ...front }).map(([k, v]) => `${k}: ${v}`);
  writeFileSync(file, `---\n${fm.join('\n')}\n---\n${body}`);
  return rel;
}

/** The real files, with a record of every file read: what the panel costs in disk reads. */
export interface RecordingFiles extends EntryFiles {
  /** Absolute paths, in the order they were read. */
  reads: string[];
}

export function recordingFiles(): RecordingFiles {
  const files: RecordingFiles = {
    reads: [],
    readText(file) {
      files.reads.push(file);
      return nodeEntryFiles.readText(file);
    },
    version: (file) => nodeEntryFiles.version(file),
  };
  return files;
}
