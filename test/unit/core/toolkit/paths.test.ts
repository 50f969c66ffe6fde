// Is a file inside the journal? Compared as paths, never as string prefixes.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { mkdirSync, symlinkSync } from 'node:fs';
import { isInsideOrEqual, realpathOr, relativeInside, samePath } from '../../../../src/core/toolkit/paths';
import { tempDir } from '../../fixtures';

const root = (...parts: string[]): string => path.join(path.sep, ...parts);

describe('paths: relativeInside', () => {
  const journal = root('home', 'me', 'journal');

  it('a file inside: its path below the folder, with / separators', () => {
    assert.equal(relativeInside(journal, path.join(journal, 'goals.md')), 'goals.md');
    assert.equal(relativeInside(journal, path.join(journal, 'entries', '2026', '2026-11-25-end-of-day.md')), 'entries/2026/2026-11-25-end-of-day.md');
    assert.equal(relativeInside(`${journal}${path.sep}`, path.join(journal, 'goals.md')), 'goals.md', 'a trailing separator on the folder');
  });

  it('the folder itself is not inside it', () => {
    assert.equal(relativeInside(journal, journal), undefined);
    assert.equal(relativeInside(journal, `${journal}${path.sep}`), undefined);
    assert.equal(relativeInside(journal, path.join(journal, 'entries', '..')), undefined);
  });

  it('a sibling whose name starts with the folder\'s name is outside', () => {
    assert.equal(relativeInside(root('j'), root('journal-2', 'x.md')), undefined);
    assert.equal(relativeInside(journal, `${journal}-2${path.sep}x.md`), undefined);
    assert.equal(relativeInside(journal, `${journal}.bak`), undefined);
  });

  it('.. that leads out is outside; .. that stays inside is resolved; a name starting with .. is a name', () => {
    assert.equal(relativeInside(journal, path.join(journal, '..', 'secrets.md')), undefined);
    assert.equal(relativeInside(journal, `${journal}${path.sep}..${path.sep}journal-2${path.sep}x.md`), undefined);
    assert.equal(relativeInside(journal, `${journal}${path.sep}entries${path.sep}..${path.sep}goals.md`), 'goals.md');
    assert.equal(relativeInside(journal, path.join(journal, '..foo.md')), '..foo.md');
  });

  it('an absolute path elsewhere is outside', () => {
    assert.equal(relativeInside(journal, root('etc', 'passwd')), undefined);
    assert.equal(relativeInside(journal, root('home', 'me')), undefined, 'the parent');
    assert.equal(relativeInside(journal, path.sep), undefined);
  });
});

describe('paths: isInsideOrEqual', () => {
  const ws = root('work', 'shop');

  it('the folder itself and anything below it', () => {
    assert.equal(isInsideOrEqual(ws, ws), true);
    assert.equal(isInsideOrEqual(`${ws}${path.sep}`, ws), true);
    assert.equal(isInsideOrEqual(path.join(ws, '.reflect'), ws), true);
  });

  it('not a sibling with the same prefix, nor the parent', () => {
    assert.equal(isInsideOrEqual(root('work', 'shop-notes'), ws), false);
    assert.equal(isInsideOrEqual(root('work'), ws), false);
    assert.equal(isInsideOrEqual(path.join(ws, '..', 'other'), ws), false);
  });
});

describe('paths: real paths', () => {
  it('sees through a symlinked folder, and resolves a path that does not exist yet', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'real'));
    symlinkSync(path.join(dir, 'real'), path.join(dir, 'link'));
    assert.equal(await samePath(path.join(dir, 'link'), path.join(dir, 'real')), true);
    assert.equal(await samePath(path.join(dir, 'link'), dir), false);
    assert.equal(await realpathOr(path.join(dir, 'real', '..', 'missing')), path.join(await realpathOr(dir), 'missing'));
  });
});
