// The webview's saved state, restored field by field: what VS Code hands back may be old or malformed.
import * as assert from 'node:assert/strict';
import { restoreState } from '../../../src/webview/state';

describe('webview: saved state', () => {
  it('restores its saved state field by field, dropping what is malformed', () => {
    assert.deepEqual(restoreState({ query: { text: 'x', period: 'nope' }, loaded: 1e9, openId: '../../.bashrc', selectedId: 'entries/2026/a.md', trendDays: 90, captureKind: 'goal' }), {
      query: { text: 'x', type: '', tag: '', period: 'all' },
      loaded: 500,
      homeScroll: 0,
      readerScroll: 0,
      selectedId: 'entries/2026/a.md',
      trendDays: 90,
      captureKind: 'note',
      captureDraft: '',
      captureOpen: true,
      trendsOpen: true,
    });
  });
});
