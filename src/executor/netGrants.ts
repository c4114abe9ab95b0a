import type { NetworkRequest, NetworkResponse } from '../kernel/aio/network';
import { CONTEXT_CODES } from '../runtime/codes';
import type { RunGrants } from '../protocol/run';
import { StepgraphError } from '../shared/errors';
import { err, ok, type Result } from '../shared/result';
import { parseHttpUrl, parseUrlPattern, urlMatches, type UrlPattern } from '../shared/urlPattern';

/** Submits AIO work to the kernel. */
type Io = <T>(kind: string, submission: unknown) => Promise<T>;

/** C-URL2: a run's network grants, parsed; the error names the one that is wrong. */
export function parseGrants(grants: RunGrants | undefined): Result<readonly UrlPattern[], string> {
  if (grants === undefined) return ok([]);
  if (typeof grants !== 'object' || grants === null) return err('grants must be an object');
  const network: unknown = grants.network ?? [];
  if (!Array.isArray(network)) return err('grants.network must be an array of URL patterns');
  const out: UrlPattern[] = [];
  for (const [i, p] of network.entries()) {
    const parsed = typeof p === 'string' ? parseUrlPattern(p) : undefined;
    if (!parsed?.ok) return err(`grants.network[${i}]: ${parsed ? parsed.error.message : 'must be a string'}`);
    out.push(parsed.value);
  }
  return ok(out);
}

/** C-NET1: the refusal of a URL the host did not approve. */
export function notApproved(url: string): StepgraphError {
  return new StepgraphError(
    CONTEXT_CODES.PERMISSION_DENIED,
    `executor/network: ${url} was not approved for this run (the person at the page, or the executor's --allow-net, did not allow it)`,
    { permission: { kind: 'network', resource: url } },
  );
}

const granted = (grants: readonly UrlPattern[], url: string): boolean => {
  const u = parseHttpUrl(url);
  return u.ok && grants.some((g) => urlMatches(g, u.value));
};

/**
 * C-NET2, C-URL5, C-URL6: the run's AIO with every `network` submission held to the grants, whoever
 * made it: sent with the URL as parsed, and its answer refused when it came from an URL not granted.
 */
export function grantedIo(grants: readonly UrlPattern[], io: Io): Io {
  const network = async (request: NetworkRequest): Promise<NetworkResponse> => {
    const url = parseHttpUrl(request.url);
    if (!url.ok || !grants.some((g) => urlMatches(g, url.value))) throw notApproved(String(request.url));
    const href = url.value.href;
    const response = await io<NetworkResponse>('network', { ...request, url: href });
    // a host that does not say where the answer came from answered the URL asked
    const answered = typeof response.url === 'string' && response.url !== '' ? response.url : href;
    if (answered !== href && !granted(grants, answered)) throw notApproved(answered);
    return { ...response, url: answered };
  };
  return <T>(kind: string, submission: unknown): Promise<T> =>
    kind === 'network' ? (network(submission as NetworkRequest) as Promise<T>) : io<T>(kind, submission);
}
