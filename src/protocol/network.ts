/**
 * A script's HTTP request as it crosses from the sandbox to the page, and the page's answer. The
 * same shapes as the kernel's `network` device (`kernel/aio/network.ts`; `test/networkTypes.test.ts`
 * keeps them equal): protocol/ cannot import the kernel, and the page must not.
 */

/** One HTTP request of a script. */
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

/** The whole response, its body read as text. */
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
