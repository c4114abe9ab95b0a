// `stepgraph serve`: the same requests over HTTP, the HTTP errors, limits that only tighten, CORS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bfs } from '../../src/samples/algorithms/bfs';
import { ten } from '../../src/samples/graphs/ten';
import { assertBuilt, http, postRun, serve, type Server } from './harness';
import { stepsOf } from '../traceForms';

let server: Server;
let cors: Server;

beforeAll(async () => {
  assertBuilt();
  [server, cors] = await Promise.all([
    serve(['--workers', '2', '--step-limit', '500', '--time-limit-ms', '2000', '--max-body', '2000']),
    serve(['--workers', '1', '--allow-origin', 'http://teach.example'], {
      STEPGRAPH_ALLOW_ORIGIN: 'http://ignored.example',
    }),
  ]);
});
afterAll(() => {
  server?.child.kill('SIGKILL');
  cors?.child.kill('SIGKILL');
});

describe.concurrent('stepgraph serve', () => {
  it('GET /env: version, the server’s limits, the import allowlist, the defaults', async () => {
    const { status, json, headers } = await http(server.url, { path: '/env' });
    expect(status).toBe(200);
    expect(headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json).toMatchObject({
      version: '0.1.0',
      limits: { timeLimitMs: 2000, stepLimit: 500, maxBodyBytes: 2000 },
      imports: expect.arrayContaining(['graphology', 'graphology-shortest-path']),
      defaults: { main: 'main.ts', trace: 'columns' },
      pool: { workers: 2 },
    });
  });

  it('POST /run answers like `stepgraph run`: 200 for a success and for a script’s failure alike', async () => {
    const [good, bad] = await Promise.all([
      postRun(server.url, { files: { 'main.ts': bfs.code }, graph: ten.data }),
      postRun(server.url, { code: "let a = 1;\nthrow new RangeError('no');" }),
    ]);
    expect(good.status).toBe(200);
    expect(good.json).toMatchObject({ ok: true, result: { $: 'array' } });
    expect(stepsOf(good.json)).toHaveLength(good.json.stats.steps);
    expect(bad.status).toBe(200);
    expect(bad.json.error).toMatchObject({ phase: 'runner', code: 'RUNNER_EXCEPTION', name: 'RangeError', line: 2 });
    expect(stepsOf(bad.json)).toHaveLength(2);
  });

  it('a request may lower the server’s limits, never raise them', async () => {
    const count = 'let i = 0;\nwhile (true) i++;';
    const [more, less] = await Promise.all([
      postRun(server.url, { code: count, options: { stepLimit: 1e9, timeLimitMs: 1e9, trace: 'none' } }),
      postRun(server.url, { code: count, options: { stepLimit: 7, trace: 'none' } }),
    ]);
    expect(more.json.limits).toEqual({ timeLimitMs: 2000, stepLimit: 500 });
    expect(more.json.error.code).toBe('LIMIT_STEPS');
    expect(more.json.stats.steps).toBe(500);
    expect(less.json.limits.stepLimit).toBe(7);
    expect(less.json.stats.steps).toBe(7);
  });

  it('400 for a body that is not JSON, with the init error; 413 past --max-body', async () => {
    const [notJson, big] = await Promise.all([
      postRun(server.url, '{"code": 1'),
      postRun(server.url, { code: `// ${'x'.repeat(3000)}` }),
    ]);
    expect(notJson.status).toBe(400);
    expect(notJson.json).toMatchObject({ ok: false, error: { phase: 'init', code: 'INIT_BAD_JSON' } });
    expect(big.status).toBe(413);
    expect(big.json.error.code).toBe('HTTP_BODY_TOO_LARGE');
  });

  it('404 for another path, 405 (with Allow) for another method', async () => {
    const [missing, getRun, postEnv] = await Promise.all([
      http(server.url, { path: '/nope' }),
      http(server.url, { path: '/run' }),
      http(server.url, { path: '/env', method: 'POST', body: '{}' }),
    ]);
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('HTTP_NOT_FOUND');
    expect(getRun.status).toBe(405);
    expect(getRun.headers.allow).toBe('POST, OPTIONS');
    expect(postEnv.status).toBe(405);
  });

  it('a runaway is stopped by killing its worker process, which the pool replaces', async () => {
    const runaway = await postRun(server.url, {
      code: "/(a+)+$/.test('a'.repeat(40) + 'b');",
      options: { timeLimitMs: 200 },
    });
    expect(runaway.status).toBe(200);
    expect(runaway.json.error).toMatchObject({ phase: 'limit', code: 'LIMIT_TIME' });
    const after = await Promise.all([1, 2, 3].map((n) => postRun(server.url, { code: `export default ${n}` })));
    expect(after.map((a) => a.json.result)).toEqual([1, 2, 3]);
  });

  it('refuses other origins (403); an allowed origin gets CORS headers and its preflight', async () => {
    const [foreign, allowed, preflight, other] = await Promise.all([
      http(server.url, { path: '/env', headers: { Origin: 'http://teach.example' } }),
      postRun(
        cors.url,
        { code: 'export default 1' },
        { Origin: 'http://teach.example', 'Content-Type': 'application/json' },
      ),
      http(cors.url, {
        path: '/run',
        method: 'OPTIONS',
        headers: {
          Origin: 'http://teach.example',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
        },
      }),
      http(cors.url, { path: '/env', headers: { Origin: 'http://ignored.example' } }),
    ]);
    expect(foreign.status).toBe(403);
    expect(foreign.json.error.code).toBe('HTTP_ORIGIN_REFUSED');
    expect(allowed.status).toBe(200);
    expect(allowed.headers['access-control-allow-origin']).toBe('http://teach.example');
    expect(allowed.headers.vary).toBe('Origin');
    expect(allowed.json.result).toBe(1);
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toContain('POST');
    expect(preflight.headers['access-control-allow-headers']).toContain('Content-Type');
    // the flag wins over STEPGRAPH_ALLOW_ORIGIN
    expect(other.status).toBe(403);
  });
});
