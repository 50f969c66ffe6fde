// The brag document against the stories a coach would tell from the same journal: are the truth's
// stories among the first few, each once, and do the coach's "not brag material" lines stay out?
import * as assert from 'node:assert/strict';
import { BragStory, bragStories } from '../../src/core/review/bragStories';
import { contains, EvalJournal, loadJournal, pct, table, truth } from './priyaJournal';

const PERIOD = { from: '2026-08-01', to: '2026-11-30' };
const KS = [5, 8, 10, 15];
/** The issue's gate (issue 12), asserted: precision at least PRECISION_GATE at the smallest k whose recall reaches RECALL_TARGET. */
const RECALL_TARGET = 0.9;
const PRECISION_GATE = 0.8;
const MAX_K = 15;
/** A story covers a truth story when its lines hold at least this many of the truth's evidence fragments. */
const MIN_FRAGMENTS = 2;

interface Scored {
  story: BragStory;
  /** Index in truth.brag it claimed, when it was the first to cover it. */
  claimed?: number;
  /** Index in truth.brag it covers best, if any. */
  covers?: number;
}

const linesOf = (s: BragStory): string[] => [...s.wins, ...s.support].map((l) => l.text);

/** How many of each truth story's fragments a story's lines hold. */
function fragmentsCovered(s: BragStory): number[] {
  const lines = linesOf(s);
  return truth.brag.map((t) => t.evidence.filter((f) => lines.some((l) => contains(l, f))).length);
}

function score(stories: readonly BragStory[]): Scored[] {
  const claimed = new Set<number>();
  return stories.map((story) => {
    const counts = fragmentsCovered(story);
    let covers: number | undefined;
    counts.forEach((n, i) => {
      if (n >= MIN_FRAGMENTS && (covers === undefined || n > counts[covers])) covers = i;
    });
    if (covers === undefined || claimed.has(covers)) return { story, covers };
    claimed.add(covers);
    return { story, covers, claimed: covers };
  });
}

describe('insight eval: brag stories', () => {
  let journal: EvalJournal;

  before(async () => {
    journal = await loadJournal();
  });

  after(() => journal.dispose());

  it('puts the stories a coach would tell first, each once, and leaves the small stuff out', () => {
    const stories = bragStories(journal.entries, PERIOD);
    const scored = score(stories);
    const claimedBy = (k: number): number => scored.slice(0, k).filter((s) => s.claimed !== undefined).length;
    const precisionAt = (k: number): number => claimedBy(k) / k;
    const recallAt = (k: number): number => claimedBy(k) / truth.brag.length;
    const rows = KS.map((k) => [k, pct(precisionAt(k)), pct(recallAt(k))]);
    let kAtTarget: number | undefined;
    for (let k = 1; k <= scored.length; k++) {
      if (recallAt(k) >= RECALL_TARGET) {
        kAtTarget = k;
        break;
      }
    }
    const top15 = scored.slice(0, 15);
    const notBragIn = (list: readonly Scored[]): string[] =>
      truth.notBrag.filter((nb) => list.some((s) => s.story.wins.some((w) => contains(w.text, nb))));
    const split = truth.brag.filter((_, i) => top15.filter((s) => s.covers === i).length > 1).map((t) => t.story);
    const missed = truth.brag.filter((_, i) => !top15.some((s) => s.claimed === i)).map((t) => t.story);
    const out = [
      '',
      `      ${stories.length} stories from ${stories.reduce((n, s) => n + s.wins.length, 0)} wins`,
      table(['k', 'precision@k', 'recall@k'], rows),
      `      smallest k with recall ≥ ${pct(RECALL_TARGET)}: ${kAtTarget ?? 'none'}${kAtTarget ? `, precision there ${pct(precisionAt(kAtTarget))}` : ''} (gate ${pct(PRECISION_GATE)}${kAtTarget && precisionAt(kAtTarget) >= PRECISION_GATE ? ', met' : ', not met'})`,
      `      notBrag lines among the top-15 stories' wins: ${notBragIn(top15).length} of ${truth.notBrag.length}`,
      `      truth stories split across more than one of the top 15: ${split.length}`,
    ];
    if (process.env.EVAL_VERBOSE) {
      // EVAL_VERBOSE=all lists every story, not only the first 15.
      (process.env.EVAL_VERBOSE === 'all' ? scored : top15).forEach((s, i) => {
        const tag = s.claimed !== undefined ? `claims #${s.claimed + 1}` : s.covers !== undefined ? `duplicate of #${s.covers + 1}` : 'covers none';
        out.push(`      ${i + 1}. [${tag}] ${s.story.title}`, `         ${s.story.score} · ${s.story.reasons.join(' · ')}`);
        for (const l of [...s.story.wins, ...s.story.support]) out.push(`           ${l.date} ${l.group.padEnd(10)} ${l.text.slice(0, 90)}`);
      });
      for (const m of missed) out.push(`      missed: ${m}`);
      for (const nb of notBragIn(top15)) out.push(`      notBrag in the top 15: ${nb}`);
      for (const t of split) out.push(`      split: ${t}`);
    }
    console.log(out.join('\n'));

    assert.ok(kAtTarget !== undefined && kAtTarget <= MAX_K, `recall ${pct(RECALL_TARGET)} not reached within the top ${MAX_K} (missed: ${missed.join('; ')})`);
    assert.ok(precisionAt(kAtTarget) >= PRECISION_GATE, `precision ${pct(precisionAt(kAtTarget))} < ${pct(PRECISION_GATE)} at k = ${kAtTarget}`);
    assert.deepEqual(notBragIn(scored.slice(0, kAtTarget)), [], 'no line a coach would not brag about among the wins of the stories that count');
  });
});
