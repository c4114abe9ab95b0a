import { describe, expect, it } from 'vitest';
import { createHeadless } from './cytoscape';
import { applyStep } from './applyStep';
import type { StepView } from '../../tracer/view';

const graph = {
  nodes: [
    { key: 'A', attributes: { x: 0, y: 0 } },
    { key: 'B', attributes: { x: 100, y: 0 } },
    { key: 'C', attributes: { x: 100, y: 100 } },
  ],
  edges: [
    { key: 'ab', source: 'A', target: 'B' },
    { key: 'bc', source: 'B', target: 'C' },
  ],
};
const core = () => createHeadless(graph);
const view = (over: Partial<StepView> = {}): StepView => ({ highlights: new Map(), badges: new Map(), ...over });

describe('applyStep', () => {
  it('puts fills, tree edges and full badge text on the elements, and takes them off again', () => {
    const cy = core();
    const v1 = view({
      badges: new Map([['B', '1']]),
      badgeFull: new Map([['B', 'dist = 1']]),
      drawing: {
        fills: new Map([['A', { color: '#ff0000', variable: 'colour', value: '0' }]]),
        tree: new Map([['ab', { color: 'gold', variable: 'previous', towards: 'target' as const }]]),
      },
    });
    applyStep(cy, v1);
    expect(cy.$id('A').data('vfill')).toBe('#ff0000');
    expect(cy.$id('ab').hasClass('tree')).toBe(true);
    expect(cy.$id('ab').data('tcolor')).toBe('gold');
    expect(cy.$id('B').data('full')).toBe('dist = 1');
    applyStep(cy, view(), v1);
    expect(cy.$id('A').data('vfill')).toBe('');
    expect(cy.$id('ab').hasClass('tree')).toBe(false);
    expect(cy.$id('B').data('badge')).toBe('');
  });

  it('given the view before, touches only the elements whose look changed', () => {
    const cy = core();
    const v1 = view({ highlights: new Map([['A', [{ color: 'red', variable: 'node' }]]]) });
    applyStep(cy, v1);
    // marks an untouched element: a full repaint would clear it
    cy.$id('C').style('border-color', 'blue');
    const v2 = view({ highlights: new Map([['B', [{ color: 'red', variable: 'node' }]]]) });
    applyStep(cy, v2, v1);
    expect(cy.$id('A').hasClass('hl')).toBe(false);
    expect(cy.$id('B').hasClass('hl')).toBe(true);
    expect(cy.$id('C').style('border-color')).toBe('rgb(0,0,255)');
  });

  it('moves a badge off the side its node’s edges leave by', () => {
    const cy = core();
    // B's edges go left (to A) and down (to C): its badge goes right or up
    applyStep(cy, view({ badges: new Map([['B', '7']]) }));
    expect(['right', 'top']).toContain(cy.$id('B').data('side'));
  });
});
