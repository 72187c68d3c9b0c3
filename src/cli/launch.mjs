#!/usr/bin/env node
/**
 * `npm run kaohe -- …`: runs the command-line tool, first (re)building dist/kaohe.cjs with
 * esbuild when any source file is newer than it (about a second, once). The TypeScript is
 * bundled; exceljs stays a normal dependency.
 */
import { existsSync, readdirSync, renameSync, statSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'dist', 'kaohe.cjs');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * exceljs (460 ms to load on the build machine) loaded when first used, not at start: checking and
 * grading an .xlsx read by the fast reader never use it. Every `import ExcelJS from 'exceljs'` gets
 * this stand-in, which loads the real module at its first property read. `__esModule` answers
 * undefined without loading, so esbuild's import wrapper sees a CommonJS module and does not load it.
 */
const lazyExcelJs = {
  name: 'lazy-exceljs',
  setup(b) {
    b.onResolve({ filter: /^exceljs$/ }, (a) =>
      a.namespace === 'lazy-exceljs' ? { path: 'exceljs', external: true } : { path: 'exceljs', namespace: 'lazy-exceljs' },
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-exceljs' }, () => ({
      loader: 'js',
      contents: `let real;
const load = () => (real ??= require('exceljs'));
module.exports = new Proxy({}, {
  get: (_t, key) => (key === '__esModule' ? undefined : load()[key]),
  has: (_t, key) => key in load(),
});`,
    }));
  },
};

const stale = !existsSync(out) || statSync(out).mtimeMs < Math.max(newest(join(root, 'src')), statSync(join(root, 'package.json')).mtimeMs);
if (stale) {
  const { build } = await import('esbuild');
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  await build({
    entryPoints: [join(root, 'src', 'cli', 'bin.ts')],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    plugins: [lazyExcelJs],
    logLevel: 'error',
    legalComments: 'none',
  });
  renameSync(tmp, out);
}
createRequire(import.meta.url)(out);
