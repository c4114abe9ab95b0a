import { ClientError } from '../../client/client';
import type { TraceError } from '../../protocol/trace';

/**
 * How the page shows a run the client had to end itself (its sandbox removed): as the budget it
 * ignored (`LIMIT_TIME`), as a stop, or as a failure of the sandbox, never as one made-up code.
 */
export function terminated(e: unknown): Pick<TraceError, 'kind' | 'code'> {
  const reason = e instanceof ClientError ? e.reason : 'failure';
  switch (reason) {
    case 'time-limit':
      return { kind: 'limit', code: 'LIMIT_TIME' };
    case 'stop':
      return { kind: 'stopped', code: 'STOPPED' };
    case 'failure':
      return { kind: 'internal', code: 'CLIENT_TERMINATED' };
  }
}
