import { describe, expect, it } from 'vitest';
import { manifestProblems, SECTION_NAMES } from './manifestProblems';

describe('manifestProblems', () => {
  it('knows the runtime’s limit names and permission kinds', () => {
    expect(SECTION_NAMES.limits).toContain('execution/steps');
    expect(SECTION_NAMES.limits).toContain('modules/simultaneous');
    expect(SECTION_NAMES.permissions).toEqual(['read', 'write', 'create', 'delete', 'use']);
  });

  it('marks a misspelt limit and a made-up permission kind, naming what was meant', () => {
    const text = "export const manifest = { permissions: { raed: ['graph'] }, limits: { 'execution/stpes': 5 } };";
    const problems = manifestProblems(text);
    expect(problems.map((p) => text.slice(p.start, p.end))).toEqual(['raed', "'execution/stpes'"]);
    expect(problems[0]?.message).toBe('"raed" is not a permission kind. Did you mean "read"?');
    expect(problems[1]?.message).toBe('"execution/stpes" is not a limit. Did you mean "execution/steps"?');
  });

  it('lists the known names when nothing is close', () => {
    const [p] = manifestProblems("export const manifest = { limits: { 'zzzzzzzzzzzz': 5 } };");
    expect(p?.message).toMatch(/^"zzzzzzzzzzzz" is not a limit\. Known: execution\/total-time, /);
  });

  it('has nothing to say about a good manifest', () => {
    expect(
      manifestProblems("export const manifest = { permissions: { read: ['graph'] }, limits: { 'net/requests': 1 } };"),
    ).toEqual([]);
  });
});
