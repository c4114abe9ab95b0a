import { describe, expect, it } from 'vitest';
import { parseRequest } from './request';

const caps = { timeLimitMs: 5000, stepLimit: 1000 };
const parse = (body: unknown) => parseRequest(typeof body === 'string' ? body : JSON.stringify(body), caps);

describe('parseRequest', () => {
  it('turns "code" into main.ts, defaults the graph, the limits and the trace', () => {
    const r = parse({ code: 'export default 1' });
    expect(r).toEqual({
      ok: true,
      value: {
        request: {
          files: { 'main.ts': 'export default 1' },
          main: 'main.ts',
          graph: { nodes: [], edges: [] },
          settings: caps,
        },
        trace: 'columns',
        limits: caps,
      },
    });
  });

  it('picks main: as given, else main.ts or main.js, else the only file', () => {
    const main = (files: Record<string, string>, given?: string) => {
      const r = parse({ files, ...(given ? { main: given } : {}) });
      return r.ok ? r.value.request.main : r.error.code;
    };
    expect(main({ 'a.ts': '', 'b.ts': '' }, 'b.ts')).toBe('b.ts');
    expect(main({ 'util.ts': '', 'main.js': '' })).toBe('main.js');
    expect(main({ 'solo.ts': '' })).toBe('solo.ts');
    expect(main({ 'a.ts': '', 'b.ts': '' })).toBe('INIT_BAD_REQUEST');
  });

  it('caps the limits: a request may lower them, never raise them', () => {
    const limits = (options: object) => {
      const r = parse({ code: '', options });
      return r.ok ? r.value.limits : undefined;
    };
    expect(limits({ stepLimit: 1e9, timeLimitMs: 1e9 })).toEqual(caps);
    expect(limits({ stepLimit: 10, timeLimitMs: 100 })).toEqual({ stepLimit: 10, timeLimitMs: 100 });
    expect(limits({ stepLimit: 0.5 })).toEqual({ ...caps, stepLimit: 1 });
  });

  it('passes seed (as a string), input and the trace option through', () => {
    const r = parse({ code: '', options: { seed: 7, input: { k: [1] }, trace: 'none' } });
    expect(r.ok && r.value.request.settings?.seed).toBe('7');
    expect(r.ok && r.value.request.input).toEqual({ k: [1] });
    expect(r.ok && r.value.trace).toBe('none');
  });

  it('refuses what is not JSON with INIT_BAD_JSON, and what is not a request with INIT_BAD_REQUEST naming the field', () => {
    const code = (body: unknown) => {
      const r = parse(body);
      return r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`;
    };
    expect(code('{')).toMatch(/^INIT_BAD_JSON/);
    expect(code('[1]')).toMatch(/^INIT_BAD_REQUEST: .*object/);
    expect(code({})).toMatch(/either "files" or "code"/);
    expect(code({ code: '', files: {} })).toMatch(/either "files" or "code"/);
    expect(code({ files: { 'a.ts': 1 } })).toMatch(/file "a.ts"/);
    expect(code({ code: '', extra: 1 })).toMatch(/unknown field "extra"/);
    expect(code({ code: '', options: { steps: 1 } })).toMatch(/unknown option "steps"/);
    expect(code({ code: '', options: { stepLimit: -1 } })).toMatch(/"stepLimit"/);
    expect(code({ code: '', options: { trace: 'all' } })).toMatch(/"trace"/);
    expect(code({ code: '', graph: [] })).toMatch(/"graph"/);
  });

  it('reads a graph file given as { format, text }, and refuses a malformed one with INIT_BAD_GRAPH naming the line', () => {
    const csv = parseRequest(JSON.stringify({ code: '1', graph: { format: 'csv', text: 'a,b,2\nb,c,5\n' } }), caps);
    expect(csv.ok && csv.value.request.graph).toMatchObject({ nodes: [{ key: 'a' }, { key: 'b' }, { key: 'c' }] });
    const told = parseRequest(
      JSON.stringify({ code: '1', graph: { text: '<graphml><graph><node id="x"/></graph></graphml>' } }),
      caps,
    );
    expect(told.ok && told.value.request.graph).toMatchObject({ nodes: [{ key: 'x' }] });
    const broken = parseRequest(JSON.stringify({ code: '1', graph: { format: 'csv', text: 'a,b\nb,c,heavy' } }), caps);
    expect(broken.ok ? undefined : broken.error).toMatchObject({
      code: 'INIT_BAD_GRAPH',
      message: expect.stringMatching(/line 2/),
    });
    for (const graph of [
      { format: 'csv' },
      { text: 3 },
      { format: 1, text: '' },
      { format: 'csv', text: '', extra: 1 },
    ]) {
      const r = parseRequest(JSON.stringify({ code: '1', graph }), caps);
      expect(r.ok ? undefined : r.error.code, JSON.stringify(graph)).toBe('INIT_BAD_REQUEST');
    }
  });

  it("grants the server's --allow-net by default; a request may narrow it, never widen it", () => {
    const allow = ['https://api.example.com/v1/...', 'http://data.example'];
    const grants = (body: object) => {
      const r = parseRequest(JSON.stringify({ code: '', ...body }), caps, allow);
      return r.ok ? r.value.request.grants : r.error.message;
    };
    expect(grants({})).toEqual({ network: allow });
    expect(grants({ grants: { network: [] } })).toBeUndefined();
    expect(grants({ grants: { network: ['https://api.example.com/v1/graphs'] } })).toEqual({
      network: ['https://api.example.com/v1/graphs'],
    });
    expect(grants({ grants: { network: ['http://data.example/x/...'] } })).toEqual({
      network: ['http://data.example/x/...'],
    });
    expect(grants({ grants: { network: ['https://api.example.com/...'] } })).toMatch(
      /not within what the server allows/,
    );
    expect(grants({ grants: { network: ['https://evil.example'] } })).toMatch(/not within/);
    expect(grants({ grants: { network: ['http://127.0.0.1:18555\\@api.example.com/v1/x'] } })).toMatch(/not within/);
    expect(grants({ grants: { network: 'https://api.example.com' } })).toMatch(/array of URL patterns/);
    expect(grants({ grants: { files: [] } })).toMatch(/"grants" must be/);
    // without --allow-net, no request can grant itself anything
    const r = parseRequest(JSON.stringify({ code: '', grants: { network: ['https://a.example'] } }), caps);
    expect(r.ok).toBe(false);
    expect(
      parse({ code: '' }).ok && (parse({ code: '' }) as { value: { request: object } }).value.request,
    ).not.toHaveProperty('grants');
  });
});
