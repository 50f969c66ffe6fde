// Feedback by theme against the hand-written truth: do the quotes of one story land in one theme
// (B-cubed over the truth quotes), does a theme that turned from critical to positive say so, and is
// what was said kept apart from how the user took it.
import * as assert from 'node:assert/strict';
import { FeedbackQuote, FeedbackTheme, feedbackThemes, reactionIn } from '../../src/core/review/feedbackThemes';
import { contains, EvalJournal, f1, loadJournal, pct, table, truth } from './priyaJournal';

const MIN_F1 = 0.8;

interface Located {
  fragment: string;
  truthTheme: number;
  quote?: FeedbackQuote;
  /** Our theme's key, or undefined when in `other` or not found (a singleton cluster). */
  ours?: string;
  /** The fragment is in `said`, not only in the line as written. */
  inSaid: boolean;
}

describe('insight eval: feedback by theme, with arcs', () => {
  let journal: EvalJournal;

  before(async () => {
    journal = await loadJournal();
  });

  after(() => journal.dispose());

  it('puts the quotes of one story in one theme, with its arc, and keeps reactions apart', () => {
    const started = process.hrtime.bigint();
    const result = feedbackThemes(journal.entries, {});
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const all: { quote: FeedbackQuote; theme?: FeedbackTheme }[] = [
      ...result.themes.flatMap((theme) => theme.quotes.map((quote) => ({ quote, theme }))),
      ...result.other.map((quote) => ({ quote })),
    ];

    const located: Located[] = truth.feedbackThemes.flatMap((t, truthTheme) =>
      t.quotes.map((fragment): Located => {
        const inSaid = all.find((a) => contains(a.quote.said, fragment));
        const inLine = inSaid ?? all.find((a) => contains(a.quote.text, fragment));
        return { fragment, truthTheme, quote: inLine?.quote, ours: inLine?.theme?.key, inSaid: inSaid !== undefined };
      }),
    );

    // B-cubed: a truth quote's cluster is our theme (restricted to truth quotes), or itself alone.
    const cluster = (l: Located): Located[] => (l.ours === undefined ? [l] : located.filter((o) => o.ours === l.ours));
    let precision = 0;
    let recall = 0;
    for (const l of located) {
      const ours = cluster(l);
      const right = ours.filter((o) => o.truthTheme === l.truthTheme).length;
      precision += right / ours.length;
      recall += right / located.filter((o) => o.truthTheme === l.truthTheme).length;
    }
    precision /= located.length;
    recall /= located.length;
    const score = f1(precision, recall);

    const rows = truth.feedbackThemes.map((t, i) => {
      const mine = located.filter((l) => l.truthTheme === i);
      const counts = new Map<string, number>();
      for (const l of mine) if (l.ours) counts.set(l.ours, (counts.get(l.ours) ?? 0) + 1);
      const [key, held] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['(none)', 0];
      const theme = result.themes.find((x) => x.key === key);
      return { t, key, theme, row: [t.theme.slice(0, 44), t.quotes.length, mine.filter((l) => l.quote).length, `${key} (${held})`, theme?.arc ?? '-', t.arc, t.from.join(', '), theme?.from.join(', ') ?? '-'] };
    });
    const inSaid = located.filter((l) => l.inSaid).length;
    const found = located.filter((l) => l.quote).length;
    const reactionsLeft = all.filter((a) => reactionIn(a.quote.said) !== undefined);

    console.log(
      [
        '',
        table(['truth theme', 'quotes', 'found', 'our theme (holds)', 'our arc', 'truth arc', 'truth from', 'our from'], rows.map((r) => r.row)),
        `      B-cubed precision ${pct(precision)}, recall ${pct(recall)}, F1 ${pct(score)} (gate ${pct(MIN_F1)})`,
        `      words kept apart from reactions: ${inSaid} of ${found} found truth quotes lie in what was said; ${reactionsLeft.length} of ${all.length} quotes still hold a reaction in what was said`,
        `      ${result.themes.length} themes, ${result.other.length} quotes in other, ${ms.toFixed(1)} ms (first call, cold)`,
        ...result.themes.map((t) => `        ${t.label} [${t.words.slice(0, 6).join(', ')}]: ${t.summary}`),
        ...(process.env.EVAL_VERBOSE
          ? [
              ...all.map(({ quote: q, theme }) => `        ${q.date} ${(theme?.key ?? 'other').padEnd(17)} ${q.tone.padEnd(8)} ${(q.from ?? '-').padEnd(6)} “${q.said}”${q.reaction ? ` / took it: ${q.reaction}` : ''} [${q.themeWords.join(', ')} | ${q.toneWords.join(', ')}]`),
              ...located.filter((l) => !l.quote).map((l) => `        not found: "${l.fragment}"`),
              ...located.filter((l) => l.quote && !l.inSaid).map((l) => `        only in the line, not in what was said: "${l.fragment}"`),
              ...reactionsLeft.map((a) => `        reaction left in what was said: ${a.quote.date} "${reactionIn(a.quote.said)}"`),
            ]
          : []),
      ].join('\n'),
    );

    assert.ok(score >= MIN_F1, `feedback theme F1 ${pct(score)} < ${pct(MIN_F1)} (EVAL_VERBOSE=1 lists each quote)`);
    for (const r of rows.filter((x) => x.t.arc === 'critical-to-positive')) {
      assert.equal(r.theme?.arc, 'critical-to-positive', `"${r.t.theme}": our theme ${r.key} reads ${r.theme?.arc ?? 'nothing'}, truth critical-to-positive`);
    }
  });
});
