import { describe, expect, it } from 'vitest';
import { inspectPlayground } from './inspect';

const manifest = (read: string[]): string =>
  `export const manifest = { permissions: { read: ${JSON.stringify(read)} } };\nexport default 1;`;

describe('inspect', () => {
  it('[C-NET3] lists the URL patterns of every file’s manifest, normalized and once each, without running', () => {
    const files = {
      'main.ts': `${manifest(['graph', 'HTTPS://API.example.com:443/v1/...'])}\nthrow new Error('never run');`,
      'child.ts':
        "export const manifest = { permissions: { write: ['https://api.example.com/v1/...', 'http://127.0.0.1:8080'] } };",
      'plain.ts': 'export default 2;',
    };
    expect(inspectPlayground({ files, main: 'main.ts' })).toEqual({
      network: ['https://api.example.com/v1/...', 'http://127.0.0.1:8080'],
    });
  });

  it('[C-NET3] a playground that cannot run asks for nothing', () => {
    expect(inspectPlayground({ files: { 'main.ts': 'let = ;' }, main: 'main.ts' })).toEqual({ network: [] });
    expect(inspectPlayground({ files: { 'main.ts': manifest(['https://a.com/x?q']) }, main: 'main.ts' })).toEqual({
      network: [],
    });
    expect(inspectPlayground({ files: { 'a.ts': '' }, main: 'main.ts' })).toEqual({ network: [] });
    expect(inspectPlayground(null as never)).toEqual({ network: [] });
  });
});
