// The editor's declaration bundle, generated at build time by scripts/scriptTypes/plugin.ts.
declare module 'virtual:stepgraph-script-types' {
  /** Declaration files for Monaco's TypeScript service, by the path it resolves them at. */
  export const DECLARATIONS: ReadonlyArray<{ path: string; text: string }>;
  /** Every limit name a manifest may set (the runtime's LIMIT_KINDS). */
  export const LIMIT_NAMES: readonly string[];
  /** Every permission kind a manifest may ask for (the runtime's PERMISSION_KINDS). */
  export const PERMISSION_KINDS: readonly string[];
}
