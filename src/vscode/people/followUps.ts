import { dueFollowUps, requestWindowStart } from '../../core/people/feedbackRequests';
import { PeopleReader } from '../../core/people/peopleJournal';
import { RetroDays } from '../../core/retro/retroDay';
import { Disposable } from '../../core/toolkit/lifecycle';
import { toIsoDate } from '../../core/toolkit/localDates';
import { JournalService } from '../journal/journalService';
import { journalFolderOf, readSettings } from '../settings';

/**
 * The feedback follow-ups due on the journal day, as the user reads them ("Ask Priya again about the
 * design doc"), for the status-bar tooltip and a new retro's feedback section. Asked again only when the
 * journal changed or the day moved on; the shared reader re-reads only the entries that changed.
 */
export class FollowUps extends Disposable {
  private cached: { key: string; texts: Promise<string[]> } | undefined;
  private revision = 0;

  constructor(
    private readonly journal: JournalService,
    private readonly retroDays: RetroDays,
    private readonly people: PeopleReader,
  ) {
    super();
    this.register(journal.onDidChange(() => this.revision++));
  }

  due(): Promise<string[]> {
    const settings = readSettings();
    let folder: string;
    try {
      folder = journalFolderOf(settings);
    } catch {
      return Promise.resolve([]);
    }
    const today = toIsoDate(this.retroDays.today(settings.dayStartsAt));
    const key = `${folder}\n${today}\n${this.revision}`;
    if (this.cached?.key !== key) {
      const since = requestWindowStart(today);
      const texts = this.journal
        .entries()
        .then((entries) => this.people.read(folder, entries))
        .then((data) => dueFollowUps(data.requests.filter((r) => r.date >= since), data.answers, today, data.people).map((f) => f.text))
        .catch(() => []);
      this.cached = { key, texts };
    }
    return this.cached.texts;
  }
}
