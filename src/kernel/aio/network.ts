import type { Completion, Sqe } from '../bus';
import { failure, success } from '../bus';
import { StepgraphError } from '../../shared/errors';
import { API_CODES } from '../api/codes';
import type { AioDevice } from './device';

/** Submission of kind `network`: one HTTP request. */
export interface NetworkRequest {
  /** The absolute URL. */
  url: string;
  /** HTTP method (GET when missing). */
  method?: string;
  /** Request headers. */
  headers?: Record<string, string>;
  /** Request body, as text. */
  body?: string;
}

/** Completion of a `network` submission: the whole response, its body read as text. */
export interface NetworkResponse {
  /** The URL that answered (after redirects). */
  url: string;
  /** HTTP status code. */
  status: number;
  /** HTTP status text. */
  statusText: string;
  /** Response headers, lower-case names. */
  headers: Record<string, string>;
  /** The body, as text. */
  body: string;
}

/** The host's HTTP client, injected so the kernel never touches ambient `fetch` (tests give a fake). */
export type NetworkHost = (request: NetworkRequest) => Promise<NetworkResponse>;

/** K-NET1, K-NET2: performs each `network` submission with the host's fetch, or refuses when there is none. */
export class NetworkDevice implements AioDevice {
  readonly kind = 'network';
  private disposed = false;

  constructor(private readonly host: NetworkHost | undefined) {}

  process(batch: ReadonlyArray<Sqe>, complete: (sqe: Sqe, c: Completion) => void): void {
    for (const sqe of batch) {
      const answer = (c: Completion): void => {
        if (!this.disposed) complete(sqe, c);
      };
      if (!this.host) {
        const e = new StepgraphError(API_CODES.NO_NETWORK, 'kernel/network: this host has no network');
        void Promise.resolve().then(() => answer(failure(e)));
        continue;
      }
      let started: Promise<NetworkResponse>;
      try {
        started = this.host(sqe.submission as NetworkRequest);
      } catch (e) {
        started = Promise.reject(e);
      }
      started.then(
        (r) => answer(success(r)),
        (e: unknown) => answer(failure(e)),
      );
    }
  }

  dispose(): void {
    this.disposed = true;
  }
}
