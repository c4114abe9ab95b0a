import type { NetAnswer, NetRequest } from '../protocol/messages';
import type { NetworkRequest, NetworkResponse } from '../protocol/network';

/** Code of a request the page refused: no `onNetwork` was given, or it said no. */
export const NET_REFUSED = 'PERMISSION_DENIED';
/** Code of a request that was allowed but failed (or whose answer could not be sent back). */
export const NET_FAILED = 'NET_FAILED';

/** What the page does with a script's request: perform it (after asking the person) or refuse it by throwing. */
export type NetworkHandler = (request: NetworkRequest) => Promise<NetworkResponse>;

/** A copy of exactly the fields of a response, so that nothing else crosses into the sandbox. */
function plain(r: NetworkResponse): NetworkResponse {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers)) headers[String(k)] = String(v);
  return {
    url: String(r.url),
    status: Number(r.status),
    statusText: String(r.statusText),
    headers,
    body: String(r.body),
  };
}

/**
 * The page's answer to a script's `fetch`: the sandbox has no network (its policy allows none), so
 * each request comes up as `net/request` and goes out only through `onNetwork`; without one it is
 * refused with `PERMISSION_DENIED`.
 */
export async function answerNetwork(m: NetRequest, onNetwork: NetworkHandler | undefined): Promise<NetAnswer> {
  if (!onNetwork) {
    return {
      type: 'net/response',
      id: m.id,
      ok: false,
      error: {
        code: NET_REFUSED,
        name: 'StepgraphError',
        message: `client/network: this page gives scripts no network; the request to ${m.request.url.slice(0, 200)} was refused`,
      },
    };
  }
  try {
    return { type: 'net/response', id: m.id, ok: true, response: plain(await onNetwork(m.request)) };
  } catch (e) {
    const code = typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : NET_FAILED;
    const name = e instanceof Error ? e.name : 'Error';
    const message = e instanceof Error ? e.message : `client/network: ${String(e)}`;
    return { type: 'net/response', id: m.id, ok: false, error: { code, name, message } };
  }
}
