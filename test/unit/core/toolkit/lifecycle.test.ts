// Who disposes what, and when: the owner of listeners, watchers and timers lets none of them leak.
import * as assert from 'node:assert/strict';
import { Disposable, disposeAll, DisposableStore, IDisposable, toDisposable } from '../../../../src/core/toolkit/lifecycle';

/** A disposable that writes its name to `log` each time it is disposed (and throws if told to). */
function tracked(log: string[], name: string, throws = false): IDisposable {
  return toDisposable(() => {
    log.push(name);
    if (throws) throw new Error(`${name} failed to dispose`);
  });
}

/** A Disposable subclass, as a feature would write one. */
class Owner extends Disposable {
  own<T extends IDisposable>(value: T): T {
    return this.register(value);
  }

  get disposed(): boolean {
    return this.isDisposed;
  }
}

describe('lifecycle: Disposable', () => {
  it('disposes what it registered, newest first, when it is disposed (and not before)', () => {
    const log: string[] = [];
    const owner = new Owner();
    for (const name of ['watcher', 'listener', 'timer']) owner.own(tracked(log, name));
    assert.deepEqual(log, []);
    assert.equal(owner.disposed, false);
    owner.dispose();
    assert.deepEqual(log, ['timer', 'listener', 'watcher']);
    assert.equal(owner.disposed, true);
  });

  it('register() hands back what it was given', () => {
    const owner = new Owner();
    const item = tracked([], 'x');
    assert.equal(owner.own(item), item);
    owner.dispose();
  });

  it('something registered after dispose is disposed at once', () => {
    const log: string[] = [];
    const owner = new Owner();
    owner.dispose();
    owner.own(tracked(log, 'late listener'));
    assert.deepEqual(log, ['late listener']);
  });

  it('disposing twice disposes each thing once', () => {
    const log: string[] = [];
    const owner = new Owner();
    owner.own(tracked(log, 'a'));
    owner.own(tracked(log, 'b'));
    owner.dispose();
    owner.dispose();
    assert.deepEqual(log, ['b', 'a']);
  });

  it('one that throws does not keep the others alive; the error still reaches the caller', () => {
    const log: string[] = [];
    const owner = new Owner();
    owner.own(tracked(log, 'a'));
    owner.own(tracked(log, 'broken', true));
    owner.own(tracked(log, 'c'));
    assert.throws(() => owner.dispose(), /broken failed to dispose/);
    assert.deepEqual(log, ['c', 'broken', 'a']);
    assert.equal(owner.disposed, true);
    owner.dispose();
    assert.deepEqual(log, ['c', 'broken', 'a'], 'nothing disposed a second time');
  });
});

describe('lifecycle: disposeAll', () => {
  it('disposes newest first and empties the array, so a second call disposes nothing', () => {
    const log: string[] = [];
    const items = [tracked(log, 'a'), tracked(log, 'b'), tracked(log, 'c')];
    disposeAll(items);
    assert.deepEqual(log, ['c', 'b', 'a']);
    assert.deepEqual(items, []);
    disposeAll(items);
    assert.equal(log.length, 3);
  });

  it('several failures are reported together, after every item was disposed', () => {
    const log: string[] = [];
    let thrown: unknown;
    try {
      disposeAll([tracked(log, 'a', true), tracked(log, 'b'), tracked(log, 'c', true)]);
    } catch (err) {
      thrown = err;
    }
    assert.deepEqual(log, ['c', 'b', 'a']);
    assert.ok(thrown instanceof AggregateError, String(thrown));
    assert.deepEqual(
      thrown.errors.map((e: unknown) => (e instanceof Error ? e.message : String(e))),
      ['c failed to dispose', 'a failed to dispose'],
    );
  });
});

describe('lifecycle: DisposableStore', () => {
  it('clear() disposes what it holds and stays usable; dispose() then disposes only what came after', () => {
    const log: string[] = [];
    const store = new DisposableStore();
    store.add(tracked(log, 'old journal watcher'));
    store.clear();
    assert.deepEqual(log, ['old journal watcher']);
    store.add(tracked(log, 'new journal watcher'));
    assert.deepEqual(log, ['old journal watcher'], 'added after clear: kept, not disposed');
    store.clear();
    store.clear();
    assert.deepEqual(log, ['old journal watcher', 'new journal watcher'], 'each disposed once');
    store.add(tracked(log, 'third'));
    store.dispose();
    assert.deepEqual(log, ['old journal watcher', 'new journal watcher', 'third']);
  });

  it('after dispose(), add() disposes at once and returns the item', () => {
    const log: string[] = [];
    const store = new DisposableStore();
    store.dispose();
    const item = tracked(log, 'late');
    assert.equal(store.add(item), item);
    assert.deepEqual(log, ['late']);
    store.dispose();
    assert.deepEqual(log, ['late']);
  });

  it('a throwing item in clear() does not keep the rest, and the store stays usable', () => {
    const log: string[] = [];
    const store = new DisposableStore();
    store.add(tracked(log, 'a'));
    store.add(tracked(log, 'broken', true));
    assert.throws(() => store.clear(), /broken/);
    assert.deepEqual(log, ['broken', 'a']);
    store.add(tracked(log, 'b'));
    store.dispose();
    assert.deepEqual(log, ['broken', 'a', 'b']);
  });
});
