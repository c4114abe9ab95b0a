import { describe, expect, it } from 'vitest';
import { colorOf, edgeLabel, nodeLabel, shortValue } from './drawn';

describe('what attributes draw', () => {
  it('an edge shows its label, else its weight, else its capacity, numbers kept short', () => {
    expect(edgeLabel({ weight: 4 })).toBe('4');
    expect(edgeLabel({ weight: 0.1 + 0.2 })).toBe('0.3');
    expect(edgeLabel({ weight: 3, label: 'road' })).toBe('road');
    expect(edgeLabel({ capacity: 12 })).toBe('12');
    expect(edgeLabel({ weight: Infinity })).toBe('∞');
    expect(edgeLabel({ weight: { $: 'object' } })).toBe('');
    expect(edgeLabel(undefined)).toBe('');
    expect(shortValue(123456.789)).toBe('123456.789');
    expect(shortValue('x'.repeat(40))).toHaveLength(24);
  });

  it('a node shows its label or key, and a colour only when it is one', () => {
    expect(nodeLabel('A', { label: 'Arles' })).toBe('Arles');
    expect(nodeLabel('A', { label: 7 })).toBe('7');
    expect(nodeLabel('A', {})).toBe('A');
    expect(colorOf({ color: '#ff0000' })).toBe('#ff0000');
    expect(colorOf({ color: 'tomato' })).toBe('tomato');
    expect(colorOf({ color: 'rgb(1, 2, 3)' })).toBe('rgb(1, 2, 3)');
    for (const color of ['url(javascript:1)', 'red; border: 1px', 3, { r: 1 }, '']) expect(colorOf({ color })).toBe('');
  });
});
