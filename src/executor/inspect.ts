import type { RunInspection, RunRequest } from '../protocol/run';
import { hasScheme, parseUrlPattern } from '../shared/urlPattern';
import { compilePlayground } from './compileCache';
import { readLiteral } from './literal';
import { parseManifest } from './manifest';

const isSourceMap = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' && v !== null && Object.values(v).every((s) => typeof s === 'string');

/**
 * C-NET3: what a playground's manifests ask for, read without running anything: the URL patterns a
 * host must approve (`RunRequest.grants`) before the run can reach them. A playground that does not
 * compile, or whose manifest is wrong, asks for nothing: its run fails before any script runs. The
 * compiled files are cached, so the run that follows does not compile them again.
 */
export function inspectPlayground(request: Pick<RunRequest, 'files' | 'main'>): RunInspection {
  const network: string[] = [];
  const { files, main } = (request ?? {}) as Partial<RunRequest>;
  if (!isSourceMap(files) || typeof main !== 'string' || !(main in files)) return { network };
  const made = compilePlayground(files, main);
  if (!made.ok) return { network };
  for (const file of made.value.compiled.values()) {
    const lit = file.manifest && readLiteral(file.manifest);
    const manifest = lit?.ok ? parseManifest(lit.value) : undefined;
    if (!manifest?.ok) continue;
    for (const patterns of Object.values(manifest.value.permissions ?? {})) {
      for (const p of patterns ?? []) {
        const url = hasScheme(p) ? parseUrlPattern(p) : undefined;
        if (url?.ok && !network.includes(url.value.text)) network.push(url.value.text);
      }
    }
  }
  return { network };
}
