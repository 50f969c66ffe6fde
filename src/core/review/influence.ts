// The review's Influence section: feedback asked for and what came of it, promises to people kept
// (on time or not), and help given. Influence is built by asking and by doing what you said you'd do.
import { inPeriod, Period } from '../growth/growthView';
import { IndexedEntry } from '../journal/indexShape';
import { FeedbackAnswer } from '../people/feedbackAnswers';
import { FeedbackRequest, followUpStates } from '../people/feedbackRequests';
import { canonicalPerson, NO_PEOPLE, PeopleList, peopleIn } from '../people/peopleNames';
import { promiseOutcomes, promisesIn, promiseSummary, ticksIn } from '../people/promises';
import { shortDate } from '../toolkit/localDates';
import { plural } from '../../shared/text';

/** What the review knows of people: read from the entry files (see core/people/peopleJournal). */
export interface ReviewPeople {
  requests: readonly FeedbackRequest[];
  answers: readonly FeedbackAnswer[];
  people: PeopleList;
}

/** More lines than this in a list are summed up in one line. */
const MAX_LISTED = 8;

const link = (p: { date: string; path?: string; line: number }): string => `[${p.date}](../${p.path ?? ''}#L${p.line + 1})`;

function listed(lines: string[], what: string): string[] {
  return lines.length > MAX_LISTED ? [...lines.slice(0, MAX_LISTED), `- and ${plural(lines.length - MAX_LISTED, `more ${what}`, `more ${what}s`)}`] : lines;
}

/** The section's lines; empty when nothing was asked and no promise to anyone had a day. */
export function influenceLines(entries: readonly IndexedEntry[], period: Period, today: string, known: ReviewPeople | undefined): string[] {
  const people = known?.people ?? NO_PEOPLE;
  const out: string[] = [];
  const asked = (known?.requests ?? []).filter((r) => inPeriod(r.date, period));
  if (asked.length > 0) {
    const states = followUpStates(asked, known?.answers ?? [], today, people);
    const answered = states.filter((s) => s.state === 'answered').length;
    const due = states.filter((s) => s.state === 'due').length;
    const who = new Set(asked.map((r) => canonicalPerson(r.person, people)));
    out.push(
      `**Feedback asked:** ${plural(asked.length, 'request')} to ${plural(who.size, 'person', 'people')}; ${answered} answered${due ? `, ${due} to follow up` : ''}.`,
      '',
      ...listed(
        states.map((s) => {
          const outcome = s.state === 'answered' ? (s.answer ? `answered ${shortDate(s.answer.date)}` : 'answered') : s.state === 'due' ? 'follow-up due' : `follow up ${shortDate(s.request.followUp)}`;
          return `- ${canonicalPerson(s.request.person, people)}, about ${s.request.topic}: ${outcome} (${link(s.request)})`;
        }),
        'request',
      ),
      '',
    );
  }
  const promises = promisesIn(entries.filter((e) => inPeriod(e.date, period)), people);
  if (promises.length > 0) {
    const outcomes = promiseOutcomes(promises, ticksIn(entries.filter((e) => e.date <= (period.to ?? today))));
    const kept = outcomes.filter((o) => o.kept).length;
    const onTime = outcomes.filter((o) => o.onTime).length;
    const summary = promiseSummary({ kept, total: outcomes.length, onTime });
    out.push(
      `**Promises to people:** ${summary.charAt(0).toUpperCase()}${summary.slice(1)}.`,
      '',
      ...listed(
        outcomes
          .filter((o) => !o.onTime)
          .map((o) => `- ${o.promise.text} · due ${shortDate(o.promise.due)}, ${o.kept ? `kept ${shortDate(o.kept)}, late` : o.promise.due < today ? 'open, overdue' : 'open'} (${link(o.promise)})`),
        'promise',
      ),
      '',
    );
  }
  const helped = entries
    .filter((e) => inPeriod(e.date, period))
    .flatMap((e) => e.items.filter((i) => i.group === 'helping').map((i) => ({ date: e.date, path: e.path, line: i.line, text: i.text })));
  if (helped.length > 0) {
    const whom = new Set(helped.flatMap((h) => peopleIn(h.text, people)));
    out.push(
      `**Help given:** ${plural(helped.length, 'time')}${whom.size ? `, to ${plural(whom.size, 'person', 'people')}` : ''}.`,
      '',
      ...listed(helped.map((h) => `- ${h.text} (${link(h)})`), 'time'),
      '',
    );
  }
  return out;
}
