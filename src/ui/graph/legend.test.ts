import { describe, expect, it } from 'vitest';
import { LEGEND_MAX, legendOf } from './legend';

describe('legendOf', () => {
  it('lists each colour once: highlights by element kind, tree edges, fills by category in order', () => {
    const entries = legendOf(
      {
        highlights: new Map([
          ['A', [{ color: 'red', variable: 'node' }]],
          ['B', [{ color: 'red', variable: 'node' }]],
          ['ab', [{ color: 'blue', variable: 'edge' }]],
        ]),
        badges: new Map(),
        drawing: {
          fills: new Map([
            ['A', { color: 'c2', variable: 'colour', value: '2' }],
            ['B', { color: 'c0', variable: 'colour', value: '0' }],
            ['C', { color: 'c2', variable: 'colour', value: '2' }],
          ]),
          tree: new Map([['ab', { color: 'gold', variable: 'previous', towards: 'target' as const }]]),
        },
      },
      new Set(['ab']),
    );
    expect(entries).toEqual([
      { color: 'red', label: 'node', kind: 'node' },
      { color: 'blue', label: 'edge', kind: 'edge' },
      { color: 'gold', label: 'previous', kind: 'tree' },
      { color: 'c0', label: 'colour 0', kind: 'fill' },
      { color: 'c2', label: 'colour 2', kind: 'fill' },
    ]);
  });

  it(`stops at ${LEGEND_MAX} lines, however many variables a script has`, () => {
    const highlights = new Map<string, Array<{ color: string; variable: string }>>();
    for (let i = 0; i < 50; i++) highlights.set(`n${i}`, [{ color: `c${i}`, variable: `v${i}` }]);
    expect(legendOf({ highlights, badges: new Map() }, new Set())).toHaveLength(LEGEND_MAX);
  });
});
