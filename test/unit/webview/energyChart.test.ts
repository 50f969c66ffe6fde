// The energy chart's geometry: a line with gaps where no energy was recorded.
import * as assert from 'node:assert/strict';
import { chartGeometry } from '../../../src/webview/energyChart';

describe('webview: energy chart', () => {
  it('draws the energy line with gaps where no energy was recorded', () => {
    const g = chartGeometry(
      [
        { date: '2026-11-21', energy: 1 },
        { date: '2026-11-22', energy: 5 },
        { date: '2026-11-23', energy: null },
        { date: '2026-11-24', energy: 3 },
      ],
      316,
    );
    assert.equal(g.path, 'M16 66 L114 6 M310 36');
    assert.deepEqual(g.dots.map((d) => d.point.energy), [1, 5, 3]);
    assert.deepEqual(g.grid.map((l) => l.y), [66, 36, 6]);
  });
});
