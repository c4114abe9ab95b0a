import { stronglyConnectedComponents } from 'graphology-components';
import { describe, expect, it } from 'vitest';
import { sampleRunner, sampleGraph, toGraph } from '../../../test/samples';
import type { GraphologyJson } from '../../protocol/graph';
import { randomGraph } from '../graphs/generators';
import { tarjan } from './tarjan';

const { result } = sampleRunner(tarjan);

/** Components compared as a set of sets: each sorted, then the list sorted. */
const normal = (components: string[][]): string[][] =>
  components.map((c) => [...c].sort()).sort((a, b) => a.join().localeCompare(b.join()));

describe('tarjan sample', () => {
  it('finds the four components of the sample, each after the ones it leads to', async () => {
    expect(await result()).toEqual([['h'], ['f', 'g'], ['d', 'c'], ['e', 'b', 'a']]);
  });

  it.each<[string, GraphologyJson]>([
    ['the sample', sampleGraph(tarjan)],
    ['a sparse random graph', randomGraph(60, 80, 'tarjan', { directed: true })],
    ['a denser random graph', randomGraph(40, 90, 'tarjan', { directed: true })],
  ])('on %s: the components of graphology-components', async (_name, data) => {
    const components = (await result(data)) as string[][];
    const expected = stronglyConnectedComponents(toGraph(data));
    expect(normal(components)).toEqual(normal(expected));
    expect(expected.length, 'the graph has components of more than one node').toBeLessThan(data.nodes.length);
  });
});
