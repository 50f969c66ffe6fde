import * as assert from 'node:assert/strict';
import { contentStems, isStopWord, stemOf, TermWeights, wordsOf } from '../../../../src/core/review/words';

describe('words', () => {
  it('folds plurals and verb endings together, as Snowball English does', () => {
    const same = [
      ['meetings', 'meeting', 'meets'],
      ['reviewed', 'reviewing', 'reviews'],
      ['shipped', 'shipping', 'ships'],
      ['focus', 'focused', 'focusing'],
      ['paged', 'pages', 'paging'],
      ['stories', 'story'],
    ];
    for (const forms of same) assert.equal(new Set(forms.map(stemOf)).size, 1, forms.join(' / '));
    assert.notEqual(stemOf('meeting'), stemOf('metal'));
  });

  it('reads words with inner apostrophes and hyphens, and keeps where each starts', () => {
    assert.deepEqual(
      wordsOf("Didn’t get on-call p99 fixed").map((w) => [w.surface, w.index]),
      [["Didn't", 0], ['get', 7], ['on-call', 11], ['p99', 19], ['fixed', 23]],
    );
  });

  it('leaves out English stop words, journal filler and bare numbers', () => {
    assert.ok(isStopWord('the') && isStopWord('today') && isStopWord('really'));
    assert.ok(isStopWord("she's") && isStopWord("we'd") && isStopWord('she'), 'pronouns with a contraction after them');
    assert.ok(!isStopWord('deploy'));
    assert.deepEqual(contentStems('Today I really shipped the 3 deploys, and the deploy dashboard'), ['ship', 'deploy', 'dashboard']);
  });

  it('weighs rare words above common ones', () => {
    const lines = [['review', 'tone'], ['review', 'speed'], ['review', 'tone'], ['dashboard']];
    const w = new TermWeights(lines);
    assert.ok(w.weight('dashboard') > w.weight('review'));
    assert.equal(w.frequency('review'), 3);
    assert.equal(w.similarity(['review', 'tone'], ['review', 'tone']), 1);
    assert.equal(w.similarity(['dashboard'], ['tone']), 0);
    // Sharing only the common word says less than sharing the rare one.
    assert.ok(w.similarity(['review', 'speed'], ['review', 'tone']) < w.similarity(['review', 'tone'], ['tone', 'dashboard']));
  });
});
