import { LINK_PREFIX } from './codec';

/** How the page was opened: as the playground or embedded in a tutorial. */
export interface PageMode {
  /** `?embed=1`: graph and timeline only, nothing saved. */
  embed: boolean;
  /** `?embed=1&editor=1`: the embed also shows the code, read-only. */
  embedEditor: boolean;
}

/** Reads the page mode from the query string. */
export function pageMode(search: string): PageMode {
  const q = new URLSearchParams(search);
  const on = (k: string): boolean => q.has(k) && q.get(k) !== '0';
  return { embed: on('embed'), embedEditor: on('embed') && on('editor') };
}

/** True when the address has a fragment to open: any, so that a mangled link still gets its message. */
export const hasFragment = (hash: string): boolean => hash.replace(/^#/, '').length > 0;

/** The full link to the playground at `base` (origin + path) holding `fragment`. */
export const shareUrl = (base: string, fragment: string): string => `${base}#${fragment}`;

/** The embed URL and the `<iframe>` snippet for a tutorial. */
export function embedSnippet(base: string, fragment: string, title: string): { url: string; html: string } {
  const url = `${base}?embed=1#${fragment}`;
  const safe = title.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  return {
    url,
    html: `<iframe src="${url}" title="Stepgraph: ${safe}" width="800" height="450" style="border:0" loading="lazy"></iframe>`,
  };
}

export { LINK_PREFIX };
