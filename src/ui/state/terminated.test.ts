import { describe, expect, it } from 'vitest';
import { ClientError } from '../../client/client';
import { terminated } from './terminated';

describe('a run the client had to end', () => {
  it('names the budget it ignored, a stop as a stop, anything else as a failure', () => {
    const end = (reason?: ClientError['reason']) =>
      terminated(new ClientError('CLIENT_TERMINATED', 'client/terminate: gone', reason));
    expect(end('time-limit')).toEqual({ kind: 'limit', code: 'LIMIT_TIME' });
    expect(end('stop')).toEqual({ kind: 'stopped', code: 'STOPPED' });
    expect(end()).toEqual({ kind: 'internal', code: 'CLIENT_TERMINATED' });
    expect(terminated(new Error('something else'))).toEqual({ kind: 'internal', code: 'CLIENT_TERMINATED' });
  });
});
