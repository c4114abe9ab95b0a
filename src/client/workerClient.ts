import runtimeUrl from '../worker/runtime.worker.ts?worker&url';
import { SandboxClient } from './sandboxClient';
import { openSandboxFrame, type RuntimeSource } from './sandboxFrame';

/**
 * The browser's client: scripts run in a sandboxed iframe's worker (`sandboxFrame.ts`). The built
 * app hands the sandbox the runtime's code, one self-contained file, so the sandbox loads nothing
 * from anywhere; the dev server compiles modules on demand, so there the sandbox imports the runtime
 * by URL (in CORS mode, allowed for the opaque origin in `vite.config.ts`).
 */
export function createBrowserClient(): SandboxClient {
  const url = new URL(runtimeUrl, location.href).href;
  let code: Promise<string> | undefined;
  const load = (): Promise<string> => {
    code ??= fetch(url).then((r) => {
      if (!r.ok) throw new Error(`client/workerClient: ${url} answered ${r.status}`);
      return r.text();
    });
    // a failed load is tried again by the next sandbox
    code.catch(() => (code = undefined));
    return code;
  };
  const source = (): RuntimeSource => (import.meta.env.DEV ? { url } : { code: load() });
  return new SandboxClient((receive) => openSandboxFrame(source(), receive));
}
