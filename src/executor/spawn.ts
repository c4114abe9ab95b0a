import { Context, CONTEXT_CODES } from '../runtime/context';
import { tighten, type Limits } from '../runtime/limits';
import { covers, describePermission, permissionList, type Permission } from '../runtime/permissions';
import { StepgraphError } from '../shared/errors';
import { RUN_CODES } from './errorCodes';
import { resolveFile } from './layers';
import { DEFAULT_PERMISSIONS, NO_MANIFEST, parseManifest, type Manifest } from './manifest';

/** What `spawn` needs from the run. */
export interface SpawnDeps {
  /** The playground's files. */
  files: Readonly<Record<string, string>>;
  /** Each file's manifest, read in prep. */
  manifests: ReadonlyMap<string, Manifest>;
  /** Resolves on a later kernel tick. */
  nextTick(): Promise<void>;
  /** Runs a file as a module under a context; resolves with its result. */
  run(file: string, ctx: Context): Promise<unknown>;
}

/** C-SPAWN2: the child's permissions and limits, from the spawn options, its manifest and its parent. */
export function childGrant(
  parent: Context,
  options: Manifest | undefined,
  manifest: Manifest,
): { permissions: Permission[]; limits: Limits } {
  const offered = options?.permissions && permissionList(options.permissions);
  const declared = manifest.permissions && permissionList(manifest.permissions);
  const missing =
    offered && declared?.find((d) => !offered.some((o) => o.kind === d.kind && covers(o.pattern, d.pattern)));
  if (missing) {
    throw new StepgraphError(
      CONTEXT_CODES.PERMISSION_NOT_HELD,
      `executor/spawn: the child's manifest asks for ${describePermission(missing.kind, missing.pattern)}, which the spawn options do not grant`,
      { permission: missing },
    );
  }
  const permissions = offered ?? declared ?? DEFAULT_PERMISSIONS.filter((p) => parent.holds(p));
  return { permissions, limits: tighten(options?.limits ?? {}, manifest.limits) };
}

/**
 * A script's `spawn(file, input, options)` from module context `parent` (C-SPAWN1–4): checks
 * `use` on the file, makes the child's context (refused when it asks more than the parent holds),
 * holds a `modules/simultaneous` token while the child runs, and starts it on a later tick.
 */
export async function spawnModule(deps: SpawnDeps, parent: Context, spec: unknown, options: unknown): Promise<unknown> {
  if (typeof spec !== 'string' || spec === '')
    throw new StepgraphError(RUN_CODES.BAD_CALL, 'executor/spawn: the file must be a string, like "./child.ts"');
  const file = resolveFile(spec.startsWith('.') ? spec : `./${spec}`, deps.files);
  if (!file) throw new StepgraphError(RUN_CODES.NO_FILE, `executor/spawn: "${spec}" is not a file of this playground`);
  parent.require('use', `./${file}`);
  const opts = options === undefined ? undefined : parseManifest(options, 'spawn options');
  if (opts && !opts.ok) throw new StepgraphError(RUN_CODES.BAD_CALL, `executor/spawn: ${opts.error}`);
  const grant = childGrant(parent, opts?.value, deps.manifests.get(file) ?? NO_MANIFEST);
  const release = parent.acquire('modules/simultaneous');
  let ctx: Context;
  try {
    ctx = new Context({ parent, ...grant });
  } catch (e) {
    release();
    throw e;
  }
  ctx.onTeardown(release);
  try {
    await deps.nextTick();
    return await deps.run(file, ctx);
  } finally {
    release();
    ctx.release();
  }
}
