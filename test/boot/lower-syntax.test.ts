/**
 * The build lowers every emitted script to the syntax the oldest supported webview parses, a dependency's code
 * included: a module with ES2021's `??=` and ES2022's class fields, bundled through webpack.config.js's LowerSyntax,
 * comes out parsing at ES2020; without it, it does not.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import webpack from 'webpack';

const { LowerSyntax, SYNTAX } = require('../../webpack.config.js') as {
  LowerSyntax: new () => webpack.WebpackPluginInstance;
  SYNTAX: string;
};
const { syntaxError, BUNDLE_LEVEL } = require('../../src/boot/check-syntax.cjs') as {
  syntaxError: (s: string, v: number) => string | null;
  BUNDLE_LEVEL: number;
};

function bundle(plugins: webpack.WebpackPluginInstance[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'kaohe-lower-'));
  writeFileSync(
    join(dir, 'dep.js'),
    'export class Store { items = new Map(); static made = 0; get(k) { let v = this.items.get(k); v ??= k.length; return v?.toString(); } }\n',
  );
  writeFileSync(join(dir, 'entry.js'), "import { Store } from './dep.js';\nwindow.kaoheStore = new Store();\n");
  return new Promise((resolve, reject) =>
    webpack(
      { mode: 'production', context: dir, entry: './entry.js', output: { path: join(dir, 'out'), filename: 'main.js' }, plugins },
      (err, stats) => {
        if (err || stats?.hasErrors()) return reject(err ?? new Error(stats!.toString()));
        resolve(readFileSync(join(dir, 'out', 'main.js'), 'utf8'));
      },
    ),
  );
}

describe('the build’s syntax level', () => {
  it('is the level the parse check holds the shipped scripts to', () => {
    expect(SYNTAX).toBe(`es${BUNDLE_LEVEL}`);
  });

  it('lowers newer syntax from a dependency to ES2020', async () => {
    const plain = await bundle([]);
    expect(syntaxError(plain, BUNDLE_LEVEL)).not.toBeNull();
    const lowered = await bundle([new LowerSyntax()]);
    expect(syntaxError(lowered, BUNDLE_LEVEL)).toBeNull();
    // Still the same program: the class, its map and the defaulting.
    expect(lowered).toMatch(/new Map/);
  }, 60000);
});
