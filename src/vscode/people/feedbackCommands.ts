import * as path from 'node:path';
import * as vscode from 'vscode';
import { addBulletEdit, LineEdit } from '../../core/journal/entryEdits';
import { parseIsoDate, shortDate, toIsoDate } from '../../core/toolkit/localDates';
import { formatAnswer } from '../../core/people/feedbackAnswers';
import { addWorkdays, FeedbackRequest, FOLLOW_UP_WORKDAYS, followUpStates, formatRequest, requestWindowStart } from '../../core/people/feedbackRequests';
import { readJournalFile } from '../../core/people/peopleJournal';
import { parseMarkdown } from '../../core/journal/frontMatter';
import { listItems, splitSections } from '../../core/journal/sections';
import { canonicalPerson, PeopleList, peopleIn, withNames } from '../../core/people/peopleNames';
import { builtInTemplate } from '../../core/retro/retroTemplates';
import { SectionKind } from '../../shared/noteKinds';
import { editJournalFile } from '../journal/journalEdits';
import { showJournalError } from '../journal/journalErrors';
import { startTodaysRetro } from '../retro/todaysRetro';
import { Services } from '../services';
import { journalFolderOf, readSettings } from '../settings';

const QUESTIONS = [
  'How did that land for you?',
  'Did this make sense?',
  "What's one thing I could have done better?",
  'What should I keep doing?',
];

/** What the commands take as arguments (keybindings and tests skip the questions with them). */
export interface AskArgs {
  person?: string;
  topic?: string;
  question?: string;
  /** `YYYY-MM-DD`. */
  followUp?: string;
}

export interface RecordArgs {
  person?: string;
  topic?: string;
  words?: string;
  reaction?: string;
  action?: string;
  /** The request it answers: `entries/…md` and its 0-based line. */
  request?: { path: string; line: number };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** Adds lines (the first a bullet) under a section of today's entry, creating it first if needed. */
async function writeToToday(services: Services, section: SectionKind, lines: readonly string[]): Promise<string> {
  const { path: file } = await startTodaysRetro(builtInTemplate('end-of-day')!, readSettings(), services);
  await editJournalFile(file, (text): LineEdit => {
    const edit = addBulletEdit(text, section, lines[0].replace(/^- /, ''));
    return { ...edit, text: [edit.text, ...lines.slice(1)].join('\n') };
  });
  return file;
}

async function pickPerson(people: PeopleList, title: string): Promise<string | undefined> {
  const other = '$(person-add) Someone else…';
  const names = [...new Set(people.people.map((p) => p.name))].sort((a, b) => a.localeCompare(b));
  const picked = names.length
    ? await vscode.window.showQuickPick([...names, other], { title, placeHolder: 'Who? (names from your journal and people.md)' })
    : other;
  if (picked !== other) return picked;
  return str(await vscode.window.showInputBox({ title, prompt: 'Their name, or @handle', placeHolder: 'Priya' }));
}

/** Reflect: Ask for Feedback. Writes the request into today's entry and copies the question. */
export async function askForFeedback(services: Services, raw: unknown): Promise<string | undefined> {
  const args = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  try {
    const settings = readSettings();
    const journal = journalFolderOf(settings);
    const entries = await services.journal.entries();
    const today = toIsoDate(services.retroDays.today(settings.dayStartsAt));
    const title = 'Reflect: Ask for Feedback';
    const known = str(args.person) ? undefined : await services.people.read(journal, entries);
    // Names already in the journal: the alias list, who was asked or quoted, and everyone an entry of the last months names.
    const since = requestWindowStart(today);
    const named = known ? entries.filter((e) => e.date >= since).flatMap((e) => e.items.flatMap((i) => peopleIn(i.text, known.people))) : [];
    const person = str(args.person) ?? (known && (await pickPerson(withNames(known.people, named), title)));
    if (!person) return undefined;
    // Today's wins, and the commits "Worked on" lists (the index keeps no items for that section).
    const todaysEntries = entries.filter((e) => e.date === today);
    const workedOn = (
      await Promise.all(todaysEntries.map((e) => readJournalFile(path.join(journal, ...e.path.split('/')))))
    ).flatMap((text) => (text === undefined ? [] : splitSections(parseMarkdown(text).body).filter((sec) => sec.kind === 'workedOn').flatMap((sec) => listItems(sec).map((i) => i.text))));
    const todays = [...todaysEntries.flatMap((e) => e.items.filter((i) => i.group === 'wins' || i.group === 'setbacks').map((i) => i.text)), ...workedOn].filter((t) => t.trim());
    const otherTopic = '$(edit) Something else…';
    let topic = str(args.topic);
    if (!topic) {
      const picked = todays.length ? await vscode.window.showQuickPick([...todays, otherTopic], { title, placeHolder: `About what? (today's wins and commits are offered)` }) : otherTopic;
      if (!picked) return undefined;
      topic = picked === otherTopic ? str(await vscode.window.showInputBox({ title, prompt: 'About what?', placeHolder: 'the design doc' })) : picked;
    }
    if (!topic) return undefined;
    const ownQuestion = '$(edit) My own question…';
    let question = str(args.question);
    if (!question && args.question === undefined) {
      const picked = await vscode.window.showQuickPick([...QUESTIONS, ownQuestion], { title, placeHolder: 'One short question (copied for you to paste into chat)' });
      if (!picked) return undefined;
      question = picked === ownQuestion ? str(await vscode.window.showInputBox({ title, prompt: 'Your question', placeHolder: 'Was the rollout plan clear enough?' })) : picked;
    }
    const workdays = settings.reminder.workdays.size ? [...settings.reminder.workdays] : undefined;
    let followUp = str(args.followUp) && parseIsoDate(str(args.followUp)!) ? str(args.followUp)! : undefined;
    if (!followUp && args.person === undefined) {
      // When to ask again: three workdays unless the user picks another day.
      const choices = [
        { label: `In three workdays`, description: shortDate(addWorkdays(today, FOLLOW_UP_WORKDAYS, workdays)), date: addWorkdays(today, FOLLOW_UP_WORKDAYS, workdays) },
        { label: 'Next workday', description: shortDate(addWorkdays(today, 1, workdays)), date: addWorkdays(today, 1, workdays) },
        { label: 'In a week', description: shortDate(addWorkdays(today, 5, workdays)), date: addWorkdays(today, 5, workdays) },
        { label: 'In two weeks', description: shortDate(addWorkdays(today, 10, workdays)), date: addWorkdays(today, 10, workdays) },
      ];
      const picked = await vscode.window.showQuickPick(choices, { title, placeHolder: 'When should Reflect remind you to follow up?' });
      if (!picked) return undefined;
      followUp = picked.date;
    }
    followUp ??= addWorkdays(today, FOLLOW_UP_WORKDAYS, workdays);
    const line = formatRequest({ person, topic, ...(question ? { question } : {}), followUp });
    const file = await writeToToday(services, 'feedback', [line]);
    // Not awaited: in a browser the clipboard may wait for the page's focus; the request is written either way.
    if (question) void vscode.env.clipboard.writeText(question).then(undefined, (err: unknown) => services.log.warn(`Could not copy the question: ${String(err)}`));
    vscode.window.setStatusBarMessage(
      `$(check) Reflect: asked ${canonicalPerson(person)} · follow up ${shortDate(followUp)}${question ? ' · question copied' : ''}`,
      6000,
    );
    return file;
  } catch (err) {
    void showJournalError(err, services.log);
    return undefined;
  }
}

/** Reflect: Record Feedback. Their words, how I took it and what I'll do, kept apart. */
export async function recordFeedback(services: Services, raw: unknown): Promise<string | undefined> {
  const args = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const title = 'Reflect: Record Feedback';
  try {
    const settings = readSettings();
    const journal = journalFolderOf(settings);
    const entries = await services.journal.entries();
    const today = toIsoDate(services.retroDays.today(settings.dayStartsAt));
    const all = await services.people.read(journal, entries);
    const since = requestWindowStart(today);
    const data = { ...all, requests: all.requests.filter((r) => r.date >= since) };
    let request: FeedbackRequest | undefined;
    const requestArg = args.request as RecordArgs['request'];
    if (requestArg && typeof requestArg.path === 'string' && typeof requestArg.line === 'number') {
      request = data.requests.find((r) => r.path === requestArg.path && r.line === requestArg.line);
    }
    let person = str(args.person);
    let topic = str(args.topic);
    if (!person && !request) {
      const open = followUpStates(data.requests, data.answers, today, data.people).filter((s) => s.state !== 'answered');
      const fresh = '$(add) New feedback…';
      const items = [
        ...open.map((s) => ({ label: `${canonicalPerson(s.request.person, data.people)} · ${s.request.topic}`, description: `asked ${shortDate(s.request.date)}${s.state === 'due' ? ' · follow-up due' : ''}`, request: s.request })),
        { label: fresh, description: '', request: undefined },
      ];
      const picked = open.length ? await vscode.window.showQuickPick(items, { title, placeHolder: 'Feedback you asked for, or new feedback' }) : items[items.length - 1];
      if (!picked) return undefined;
      request = picked.request;
    }
    if (request) {
      person ??= request.person;
      topic ??= request.topic;
    }
    person ??= await pickPerson(data.people, title);
    if (!person) return undefined;
    if (!topic && args.words === undefined) topic = str(await vscode.window.showInputBox({ title, prompt: 'About what? (optional)', placeHolder: 'the design doc' }));
    const words = str(args.words) ?? str(await vscode.window.showInputBox({ title, prompt: `What ${canonicalPerson(person, data.people)} said, in their words`, placeHolder: 'The risks section needs owners.', validateInput: (v) => (v.trim() ? undefined : 'Write what they said, or press Escape.') }));
    if (!words) return undefined;
    const reaction = args.words !== undefined ? str(args.reaction) : str(await vscode.window.showInputBox({ title, prompt: 'How I took it (optional: Enter to skip)', placeHolder: 'Fair; I rushed that part' }));
    const action = args.words !== undefined ? str(args.action) : str(await vscode.window.showInputBox({ title, prompt: "What I'll do (optional: becomes a commitment)", placeHolder: 'Name an owner for every risk' }));
    const answer = formatAnswer({ person, ...(topic ? { topic } : {}), words, ...(reaction ? { reaction } : {}), ...(action ? { action } : {}) });
    const file = await writeToToday(services, 'feedback', answer.lines);
    if (answer.commitment) await writeToToday(services, 'change', [answer.commitment]);
    if (request?.path) {
      const requestFile = path.join(journal, ...request.path.split('/'));
      const line = request.line;
      // Ticked where it was asked: the request is answered (only if that line is still the request).
      await editJournalFile(requestFile, (text) => {
        const current = text.split(/\r?\n/)[line];
        return current !== undefined && /^\s{0,3}[-*+][ \t]+\[ \]/.test(current) ? { line, mode: 'replace', text: current.replace('[ ]', '[x]') } : undefined;
      });
    }
    vscode.window.setStatusBarMessage(`$(check) Reflect: feedback from ${canonicalPerson(person, data.people)} recorded${answer.commitment ? ', with your commitment' : ''}`, 5000);
    return file;
  } catch (err) {
    void showJournalError(err, services.log);
    return undefined;
  }
}
