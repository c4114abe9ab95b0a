import { describe, expect, it } from 'vitest';
import { resolveSettings, UsageError } from './settings';

describe('resolveSettings', () => {
  it('takes a flag over its STEPGRAPH_* variable over the default', () => {
    const s = resolveSettings(
      { port: '8000' },
      { STEPGRAPH_PORT: '9000', STEPGRAPH_STEP_LIMIT: '50', STEPGRAPH_HOST: '0.0.0.0' },
    );
    expect(s).toMatchObject({
      port: 8000,
      stepLimit: 50,
      host: '0.0.0.0',
      timeLimitMs: 5000,
      queue: 64,
      maxBody: 1048576,
      workerRuns: 0,
      clientConnections: 64,
    });
    expect(s.workers).toBeGreaterThan(0);
  });

  it('reads allowed origins from repeated flags or a comma-separated variable', () => {
    expect(resolveSettings({}, { STEPGRAPH_ALLOW_ORIGIN: 'http://a.example, http://b.example/' }).allowOrigins).toEqual(
      ['http://a.example', 'http://b.example'],
    );
    expect(
      resolveSettings({ 'allow-origin': ['http://c.example'] }, { STEPGRAPH_ALLOW_ORIGIN: 'x' }).allowOrigins,
    ).toEqual(['http://c.example']);
  });

  it('refuses a value that is not a whole number in range, naming where it came from', () => {
    expect(() => resolveSettings({ workers: '0' }, {})).toThrow(UsageError);
    expect(() => resolveSettings({ port: '70000' }, {})).toThrow(/--port must be a whole number, 0 to 65535/);
    expect(() => resolveSettings({}, { STEPGRAPH_TIME_LIMIT_MS: '1.5' })).toThrow(/STEPGRAPH_TIME_LIMIT_MS/);
  });

  it('reads --allow-net (repeatable) or STEPGRAPH_ALLOW_NET (comma-separated) as URL patterns, normalized; none by default', () => {
    expect(resolveSettings({}, {}).allowNet).toEqual([]);
    expect(
      resolveSettings({}, { STEPGRAPH_ALLOW_NET: 'https://API.example.com/v1/..., http://b.example:80' }).allowNet,
    ).toEqual(['https://api.example.com/v1/...', 'http://b.example']);
    expect(
      resolveSettings({ 'allow-net': ['https://c.example/x'] }, { STEPGRAPH_ALLOW_NET: 'https://ignored.example' })
        .allowNet,
    ).toEqual(['https://c.example/x']);
    expect(() => resolveSettings({ 'allow-net': ['ftp://a.example'] }, {})).toThrow(/--allow-net: .*not http or https/);
    expect(() => resolveSettings({}, { STEPGRAPH_ALLOW_NET: 'https://u:p@a.example' })).toThrow(/STEPGRAPH_ALLOW_NET/);
  });
});
