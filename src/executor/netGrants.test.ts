import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeEngine, request } from '../../test/engine';
import { startListener, type Listener } from '../../test/hostile/listener';
import type { NetworkRequest, NetworkResponse } from '../kernel/aio/network';
import type { RunRequest } from '../protocol/run';

/** Every request the host was asked to make, and where it says each answer came from. */
const seen: NetworkRequest[] = [];
let answerFrom: ((url: string) => string) | undefined;
const engine = nodeEngine({
  fetch: (req): Promise<NetworkResponse> => {
    seen.push(req);
    const url = answerFrom ? answerFrom(req.url) : req.url;
    return Promise.resolve({ url, status: 200, statusText: 'OK', headers: {}, body: JSON.stringify({ got: req.url }) });
  },
});
afterAll(() => engine.shutdown());

const API = 'https://api.example.com/...';
/** A main module whose manifest reads `read` and which fetches `url`, returning what the host got. */
const fetching = (url: string, read: string[] = [API], extra: Partial<RunRequest> = {}): RunRequest =>
  request(
    [
      `export const manifest = { permissions: { read: ${JSON.stringify(read)} } };`,
      `const r = await fetch(${JSON.stringify(url)});`,
      'export default (await r.json()).got;',
    ].join('\n'),
    extra,
  );
const granted = (network: string[]): Partial<RunRequest> => ({ grants: { network } });

async function run(req: RunRequest) {
  seen.length = 0;
  const r = await engine.run(req);
  return { r, requests: seen.map((q) => q.url) };
}

describe('network grants', () => {
  it('[C-NET1] a manifest alone gets no network: without the host’s grants the fetch is refused, naming the URL', async () => {
    const { r, requests } = await run(fetching('https://api.example.com/data'));
    expect(r.error).toMatchObject({ code: 'PERMISSION_DENIED', line: 2 });
    expect(r.error?.message).toContain('https://api.example.com/data was not approved');
    expect(requests).toEqual([]);
  });

  it('[C-NET1] a fetch needs both the manifest and the grants', async () => {
    const ok = await run(fetching('https://api.example.com/data', [API], granted(['https://api.example.com'])));
    expect(ok.r.error).toBeUndefined();
    expect(ok.requests).toEqual(['https://api.example.com/data']);
    const otherHost = await run(fetching('https://api.example.com/data', [API], granted(['https://b.example.com'])));
    expect(otherHost.r.error?.code).toBe('PERMISSION_DENIED');
    expect(otherHost.requests).toEqual([]);
    const noManifest = await run(
      request("await fetch('https://api.example.com/data');", granted(['https://api.example.com'])),
    );
    expect(noManifest.r.error?.message).toContain('read https://api.example.com/data is not granted');
    expect(noManifest.requests).toEqual([]);
  });

  it('[C-URL3] the issue’s backslash URL is a request to 127.0.0.1, refused for api.example.com', async () => {
    const read = ['https://api.example.com', 'http://api.example.com'];
    const { r, requests } = await run(fetching('http://127.0.0.1:18555\\@api.example.com', read, granted(read)));
    expect(r.error?.code).toBe('PERMISSION_DENIED');
    expect(r.error?.message).toContain('http://127.0.0.1:18555/@api.example.com');
    expect(requests).toEqual([]);
  });

  it('[C-URL1] credentials and other schemes are refused whatever is granted; a non-URL is a bad call', async () => {
    const all = granted(['https://api.example.com']);
    for (const url of ['https://u:p@api.example.com/x', 'data:text/plain,hi', 'blob:https://api.example.com/x']) {
      const { r, requests } = await run(fetching(url, [API], all));
      expect(r.error?.code, url).toBe('PERMISSION_DENIED');
      expect(requests).toEqual([]);
    }
    const relative = await run(fetching('graph', ['graph'], all));
    expect(relative.r.error).toMatchObject({ code: 'RUNNER_BAD_CALL' });
    expect(relative.requests).toEqual([]);
  });

  it('[C-URL5] the host is asked for the URL as parsed, the one that was checked', async () => {
    const { r, requests } = await run(
      fetching('HTTPS://API.example.com:443/v1/x/%2e%2e/y#f', [API], granted(['https://api.example.com/v1/...'])),
    );
    expect(r.error).toBeUndefined();
    expect(requests).toEqual(['https://api.example.com/v1/y#f']);
  });

  it('[C-URL6] an answer from an URL that is not granted (a redirect) is refused', async () => {
    answerFrom = () => 'http://127.0.0.1:9/internal';
    try {
      const { r } = await run(fetching('https://api.example.com/x', [API], granted(['https://api.example.com'])));
      expect(r.error?.code).toBe('PERMISSION_DENIED');
      expect(r.error?.message).toContain('http://127.0.0.1:9/internal');
    } finally {
      answerFrom = undefined;
    }
  });

  it('[C-NET2] spawned modules are held to the same grants', async () => {
    const child = [
      `export const manifest = { permissions: { read: ['${API}', 'https://b.example.com'] } };`,
      'export default async (url: string) => (await fetch(url)).status;',
    ].join('\n');
    const main = [
      `export const manifest = { permissions: { read: ['${API}', 'https://b.example.com'], use: ['./...'] } };`,
      "const a = await spawn('./child.ts', 'https://api.example.com/a');",
      "const b = await spawn('./child.ts', 'https://b.example.com/b').catch((e) => e.code);",
      'export default [a, b];',
    ].join('\n');
    const { r, requests } = await run(
      request('', { files: { 'main.ts': main, 'child.ts': child }, ...granted(['https://api.example.com']) }),
    );
    expect(r.error).toBeUndefined();
    expect(r.result).toMatchObject({ $: 'array', items: [200, 'PERMISSION_DENIED'] });
    expect(requests).toEqual(['https://api.example.com/a']);
  });

  it('[C-URL2] grants and manifests that do not parse as URL patterns fail before the run', async () => {
    const badGrant = await run(fetching('https://api.example.com/x', [API], granted(['https://u@api.example.com'])));
    expect(badGrant.r.error).toMatchObject({ code: 'INIT_BAD_REQUEST' });
    expect(badGrant.r.error?.message).toContain('grants.network[0]');
    const badPattern = await run(fetching('https://api.example.com/x', ['https://api.example.com/x?y']));
    expect(badPattern.r.error).toMatchObject({ code: 'PREP_BAD_MANIFEST' });
    expect(badPattern.r.error?.message).toContain('manifest.permissions.read[0]');
  });
});

describe('network grants against a real listener', () => {
  // ground truth: the hostile suite's listener on 127.0.0.1, which records every connection's request line
  let listener: Listener;
  let origin = '';
  const real = nodeEngine({
    fetch: async (req) => {
      const r = await fetch(req.url, { redirect: 'error' });
      return { url: r.url, status: r.status, statusText: r.statusText, headers: {}, body: await r.text() };
    },
  });
  const paths = (): string[] => listener.connections.map((c) => c.first.split(' ')[1] ?? '?');
  beforeAll(async () => {
    listener = await startListener();
    origin = listener.url;
  });
  afterAll(async () => {
    await real.shutdown();
    await listener.close();
  });

  it('[C-URL3] [C-URL4] tricks to leave a granted directory never reach the server; the honest request does', async () => {
    const tricks = [
      `${origin}/public/%2e%2e/private`,
      `${origin}/public/%2E%2E/private`,
      `${origin}/public/..%2fprivate`,
      `${origin}/public/..%5cprivate`,
      `${origin}/public/..;/private`,
      `${origin}/public\\..\\private`,
      `http://user:pw@${origin.slice(7)}/public/x`,
      `http://127.0.0.1:1\\@${origin.slice(7)}/public/x`,
    ];
    // a refused permission stops the module (C-PERM6), so each try is a run of its own
    const grant = granted([`${origin}/public/...`]);
    for (const url of tricks) {
      const r = await real.run(fetching(url, [`${origin}/...`], grant));
      expect(r.error?.code, url).toBe('PERMISSION_DENIED');
    }
    const honest = await real.run(
      request(
        `export const manifest = { permissions: { read: ['${origin}/...'] } };\nexport default await (await fetch('${origin}/public/ok')).text();`,
        grant,
      ),
    );
    expect(honest.error).toBeUndefined();
    expect(honest.result).toBe('ok');
    expect(paths()).toEqual(['/public/ok']);
  });
});
