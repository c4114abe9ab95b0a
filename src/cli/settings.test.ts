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
});
