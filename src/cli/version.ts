import { readFileSync } from 'node:fs';

/** The package's version, from the package.json beside the built CLI (`dist-cli/../package.json`). */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
