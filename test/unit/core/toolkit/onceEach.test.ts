// "Tell the user once": a notice per key, again only after it was forgotten.
import * as assert from 'node:assert/strict';
import { OnceEach } from '../../../../src/core/toolkit/onceEach';

describe('OnceEach', () => {
  it('says each key the first time only, keys independent of each other', () => {
    const once = new OnceEach();
    assert.equal(once.first('push:unreachable'), true);
    assert.equal(once.first('push:unreachable'), false);
    assert.equal(once.first('push:unreachable'), false);
    assert.equal(once.first('commit:locked'), true, 'a different key is news');
    assert.equal(once.first('commit:locked'), false);
  });

  it('forget(key) lets that key, and only that one, be said again', () => {
    const once = new OnceEach();
    once.first('a');
    once.first('b');
    once.forget('a');
    assert.equal(once.first('a'), true);
    assert.equal(once.first('b'), false);
    once.forget('never said');
    assert.equal(once.first('never said'), true);
  });

  it('forget(predicate) forgets every key it accepts', () => {
    const once = new OnceEach();
    for (const key of ['push:unreachable', 'push:rejected', 'commit:locked']) once.first(key);
    once.forget((key) => key.startsWith('push:'));
    assert.equal(once.first('push:unreachable'), true);
    assert.equal(once.first('push:rejected'), true);
    assert.equal(once.first('commit:locked'), false);
  });

  it('forget() with no argument forgets everything', () => {
    const once = new OnceEach();
    once.first('a');
    once.first('b');
    once.forget();
    assert.equal(once.first('a'), true);
    assert.equal(once.first('b'), true);
  });
});
