import { describe, expect, it } from 'vitest';
import { ManualClock } from '../shared/clock';
import { StepgraphError } from '../shared/errors';
import { Context, CONTEXT_CODES } from './context';
import { covers, matches, permissionList } from './permissions';

const codeOf = (f: () => void): unknown => {
  try {
    f();
  } catch (e) {
    return (e as { code?: unknown }).code;
  }
  return undefined;
};

describe('patterns', () => {
  it('[C-PERM2] /dir/... matches everything below /dir/ but not /dir itself', () => {
    expect(matches('/dir/...', '/dir/a')).toBe(true);
    expect(matches('/dir/...', '/dir/a/b')).toBe(true);
    expect(matches('/dir/...', '/dir')).toBe(false);
    expect(matches('/dir/...', '/dir/')).toBe(false);
    expect(matches('/dir/...', '/directory/a')).toBe(false);
    expect(matches('./...', './bfsFrom.ts')).toBe(true);
    expect(matches('/dir/a', '/dir/a')).toBe(true);
    expect(matches('/dir/a', '/dir/a/b')).toBe(false);
    expect(matches('graph', 'graph')).toBe(true);
    expect(matches('graph', 'graphs')).toBe(false);
  });

  it('[C-PERM3] URL patterns match by scheme, host and path', () => {
    expect(matches('https://api.example.com/...', 'https://api.example.com/v1/users?page=2')).toBe(true);
    expect(matches('https://api.example.com/...', 'HTTPS://API.example.com:443/v1')).toBe(true);
    expect(matches('https://api.example.com/...', 'http://api.example.com/v1')).toBe(false);
    expect(matches('https://api.example.com/...', 'https://evil.com/api.example.com/v1')).toBe(false);
    expect(matches('https://api.example.com/...', 'https://api.example.com:8443/v1')).toBe(false);
    expect(matches('https://api.example.com', 'https://api.example.com/anything/at/all')).toBe(true);
    expect(matches('https://api.example.com/v1/...', 'https://api.example.com/v2/x')).toBe(false);
    expect(matches('https://api.example.com/data.json', 'https://api.example.com/data.json#top')).toBe(true);
    expect(matches('https://api.example.com/...', '/local/file')).toBe(false);
  });

  it('[C-CHILD1] covers: a pattern covers the same or a narrower one', () => {
    expect(covers('./...', './bfsFrom.ts')).toBe(true);
    expect(covers('./...', './sub/...')).toBe(true);
    expect(covers('./sub/...', './...')).toBe(false);
    expect(covers('https://a.com', 'https://a.com/x/...')).toBe(true);
    expect(covers('https://a.com/x/...', 'https://a.com')).toBe(false);
    expect(covers('graph', 'graph')).toBe(true);
  });

  it('[C-PERM1] a manifest map becomes a list of kind and pattern', () => {
    expect(permissionList({ read: ['graph', 'https://a.com'], use: ['./...'] })).toEqual([
      { kind: 'read', pattern: 'graph' },
      { kind: 'read', pattern: 'https://a.com' },
      { kind: 'use', pattern: './...' },
    ]);
  });
});

describe('contexts', () => {
  const clock = new ManualClock();
  const root = (): Context => new Context({ clock, permissions: 'all' });

  it('[C-PERM4] forbidden wins over granted', () => {
    const c = new Context({ parent: root(), permissions: [{ kind: 'read', pattern: '/data/...' }] });
    expect(c.has('read', '/data/a.csv')).toBe(true);
    c.drop([{ kind: 'read', pattern: '/data/secret/...' }]);
    expect(c.has('read', '/data/a.csv')).toBe(true);
    expect(c.has('read', '/data/secret/key')).toBe(false);
    expect(c.has('write', '/data/a.csv')).toBe(false);
  });

  it('[C-PERM5] [C-CHILD2] dropping a permission forbids it for the context and its descendants', () => {
    const parent = new Context({ parent: root(), permissions: [{ kind: 'read', pattern: 'graph' }] });
    const child = new Context({ parent, permissions: [{ kind: 'read', pattern: 'graph' }] });
    expect(child.has('read', 'graph')).toBe(true);
    parent.drop([{ kind: 'read', pattern: 'graph' }]);
    expect(parent.has('read', 'graph')).toBe(false);
    expect(child.has('read', 'graph')).toBe(false);
    expect(codeOf(() => new Context({ parent, permissions: [{ kind: 'read', pattern: 'graph' }] }))).toBe(
      CONTEXT_CODES.PERMISSION_NOT_HELD,
    );
  });

  it('[C-PERM6] require stops the module with PERMISSION_DENIED naming kind and resource', () => {
    const c = new Context({ parent: root(), permissions: [{ kind: 'read', pattern: 'graph' }] });
    let error: unknown;
    try {
      c.require('write', 'graph');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StepgraphError);
    expect((error as StepgraphError).code).toBe('PERMISSION_DENIED');
    expect((error as StepgraphError).message).toContain('write graph');
    expect((error as StepgraphError).details).toEqual({ permission: { kind: 'write', resource: 'graph' } });
    expect(c.cancelled).toBe(error);
    expect(() => c.require('read', 'graph')).toThrow();
  });

  it('[C-CHILD1] a child may not hold a permission its parent lacks', () => {
    const parent = new Context({
      parent: root(),
      permissions: [
        { kind: 'read', pattern: 'https://a.com/...' },
        { kind: 'use', pattern: './...' },
      ],
    });
    expect(() => new Context({ parent, permissions: [{ kind: 'use', pattern: './b.ts' }] })).not.toThrow();
    expect(() => new Context({ parent, permissions: [{ kind: 'read', pattern: 'https://a.com/x' }] })).not.toThrow();
    let e: unknown;
    try {
      new Context({ parent, permissions: [{ kind: 'read', pattern: 'https://b.com/...' }] });
    } catch (x) {
      e = x;
    }
    expect((e as StepgraphError).code).toBe(CONTEXT_CODES.PERMISSION_NOT_HELD);
    expect((e as StepgraphError).message).toContain('read https://b.com/...');
    expect(codeOf(() => new Context({ parent, permissions: [{ kind: 'write', pattern: 'graph' }] }))).toBe(
      CONTEXT_CODES.PERMISSION_NOT_HELD,
    );
    expect(codeOf(() => new Context({ parent, permissions: 'all' }))).toBe(CONTEXT_CODES.PERMISSION_NOT_HELD);
  });

  it('[C-CHILD1] a child may not ask for what its parent forbids', () => {
    const parent = new Context({ parent: root(), permissions: [{ kind: 'read', pattern: '/...' }] });
    parent.drop([{ kind: 'read', pattern: '/secret/...' }]);
    expect(codeOf(() => new Context({ parent, permissions: [{ kind: 'read', pattern: '/secret/key' }] }))).toBe(
      CONTEXT_CODES.PERMISSION_NOT_HELD,
    );
    // a wider grant is allowed, and the parent's forbids still apply inside it
    const child = new Context({ parent, permissions: [{ kind: 'read', pattern: '/...' }] });
    expect(child.has('read', '/public/a')).toBe(true);
    expect(child.has('read', '/secret/key')).toBe(false);
  });
});
