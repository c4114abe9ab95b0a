/**
 * The WHATWG URL parser, reached without the DOM lib: the core is compiled without it, yet every host
 * (Node, workers, the page) has a global `URL`. The constructor and the getters are taken once, when
 * this module loads, before any script runs: a script that later replaces `URL` or one of its
 * getters cannot change what a permission check reads.
 */

/** The parts of a parsed URL that Stepgraph reads, copied out of the parser's result. */
export interface ParsedUrl {
  /** The whole URL, re-serialized by the parser: what is fetched. */
  readonly href: string;
  /** Scheme with its colon, lower case: `https:`. */
  readonly protocol: string;
  /** User name before `@`, percent-encoded; empty when none. */
  readonly username: string;
  /** Password before `@`, percent-encoded; empty when none. */
  readonly password: string;
  /** Host name: lower case, punycode for IDNA, IPv4 normalized, IPv6 in brackets. */
  readonly hostname: string;
  /** Port, empty when it is the scheme's default. */
  readonly port: string;
  /** Host name plus `:port` when the port is not the default. */
  readonly host: string;
  /** Path with dot segments resolved (`%2e%2e` included); `/` at least for http(s). */
  readonly pathname: string;
  /** Query with its `?`; empty when none. */
  readonly search: string;
  /** Fragment with its `#`; empty when none. */
  readonly hash: string;
}

const PARTS = [
  'href',
  'protocol',
  'username',
  'password',
  'hostname',
  'port',
  'host',
  'pathname',
  'search',
  'hash',
] as const;

type Getter = (this: object) => string;
interface UrlClass {
  new (input: string): object;
  readonly prototype: object;
}

const host = globalThis as unknown as { URL?: UrlClass };
const UrlCtor = host.URL;
const apply = Reflect.apply;
const getters = new Map<string, Getter>();
for (const name of PARTS) {
  const get = UrlCtor ? Object.getOwnPropertyDescriptor(UrlCtor.prototype, name)?.get : undefined;
  if (get) getters.set(name, get as Getter);
}

/** Parses an absolute URL with the host's WHATWG parser; undefined when it does not parse (or there is no parser). */
export function parseUrl(text: string): ParsedUrl | undefined {
  if (!UrlCtor || getters.size !== PARTS.length || typeof text !== 'string') return undefined;
  let url: object;
  try {
    url = new UrlCtor(text);
  } catch {
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const name of PARTS) out[name] = String(apply(getters.get(name) as Getter, url, []));
  return Object.freeze(out) as unknown as ParsedUrl;
}
