import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparable, graphFor, typeFromEdges, type Carries } from '../../test/graphArbitraries';
import { readGraphText, writeGraphText } from './index';
import type { FormatId } from './types';

/** What each format carries (docs/spec/FORMATS.md, F-RT1). */
const CARRIES: Record<FormatId, Carries> = {
  graphology: {
    types: ['directed', 'undirected', 'mixed'],
    nodeAttributes: true,
    values: 'json',
    edgeKeys: true,
    isolated: true,
  },
  cytoscape: {
    types: ['directed', 'undirected'],
    nodeAttributes: true,
    values: 'json',
    edgeKeys: true,
    isolated: true,
    reserved: ['id', 'source', 'target'],
  },
  graphml: {
    types: ['directed', 'undirected', 'mixed'],
    nodeAttributes: true,
    values: 'scalars',
    edgeKeys: true,
    isolated: true,
  },
  gexf: {
    types: ['directed', 'undirected', 'mixed'],
    nodeAttributes: true,
    values: 'scalars',
    edgeKeys: true,
    isolated: true,
    emptyStrings: false,
  },
  dot: { types: ['directed', 'undirected'], nodeAttributes: true, values: 'untyped', edgeKeys: false, isolated: true },
  csv: { types: ['directed', 'undirected'], nodeAttributes: false, values: 'numbers', edgeKeys: false, isolated: true },
  tsv: { types: ['directed', 'undirected'], nodeAttributes: false, values: 'numbers', edgeKeys: false, isolated: true },
};

describe('export then import', () => {
  for (const [id, carries] of Object.entries(CARRIES) as Array<[FormatId, Carries]>) {
    it(`[F-RT1] ${id}: gives the same nodes, edges and attributes`, () => {
      fc.assert(
        fc.property(graphFor(carries), (graph) => {
          const { text } = writeGraphText(graph, id);
          const back = readGraphText(text, { format: id });
          if (!back.ok) throw new Error(`${back.error.message}\n${text}`);
          const expected =
            id === 'graphml'
              ? typeFromEdges(graph, 'undirected', 'mixed')
              : id === 'gexf'
                ? typeFromEdges(graph, 'directed', 'directed')
                : graph;
          expect(comparable(back.value.graph, carries.edgeKeys)).toEqual(comparable(expected, carries.edgeKeys));
        }),
        { numRuns: 300 },
      );
    });
  }
});
