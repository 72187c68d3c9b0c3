#!/usr/bin/env node
/**
 * `npm run kaohe -- …`: runs the command-line tool, first (re)building dist/kaohe.cjs with
 * esbuild when any source file is newer than it (two or three seconds, once). The TypeScript is
 * bundled into dist/kaohe-main.cjs; exceljs and jszip stay normal dependencies, SheetJS goes into
 * dist/kaohe-xlsx.cjs beside it (each loaded at its first use: see lazyModules). dist/kaohe.cjs is
 * a small loader of the bundle (src/cli/start.cjs) that gives V8 the code cache made here for it,
 * dist/kaohe-main.cjs.v8cache (see makeCodeCache).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'dist', 'kaohe.cjs');
const main = join(root, 'dist', 'kaohe-main.cjs');
const require = createRequire(import.meta.url);
const { cacheFileOf } = require('./bundle-loader.cjs');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * Modules loaded when first used, not at start: `check` and `grade` of an .xlsx read by the fast
 * reader (src/hosts/file/xlsx-direct) never use exceljs (460 ms to load on the build machine),
 * jszip, or SheetJS (0.7 MB to compile), and a one-shot command pays for every byte it compiles.
 * Every import of one of them gets a stand-in, which loads the real module at its first use:
 * - exceljs and jszip (CommonJS) from node_modules, as a bundled copy would be: a Proxy whose
 *   `__esModule` answers undefined without loading, so esbuild's import wrapper sees a CommonJS module;
 * - SheetJS (an ES module) built from the same source into dist/kaohe-xlsx.cjs beside this bundle,
 *   its exports named at build time (functions and objects forwarded, the version string copied).
 */
const LAZY_REQUIRED = ['exceljs', 'jszip'];
const SHEETJS = '@e965/xlsx';
const SHEETJS_CHUNK = 'kaohe-xlsx.cjs';

const proxyOf = (load) => `new Proxy(function () {}, {
  get: (_t, key) => (key === '__esModule' ? undefined : ${load}[key]),
  has: (_t, key) => key in ${load},
  construct: (_t, args) => new ${load}(...args),
  apply: (_t, self, args) => ${load}.apply(self, args),
})`;

async function sheetJsStandIn() {
  const real = await import(SHEETJS);
  const lines = [
    `let real;\nconst load = () => (real ??= require(require('node:path').join(__dirname, ${JSON.stringify(SHEETJS_CHUNK)})));`,
  ];
  for (const [key, value] of Object.entries(real)) {
    const name = key === 'default' ? 'export default' : `export const ${key} =`;
    if (typeof value === 'function') lines.push(`${name} (...args) => load()[${JSON.stringify(key)}](...args);`);
    else if (typeof value === 'object' && value !== null)
      lines.push(`${name} new Proxy({}, {
  get: (_t, k) => load()[${JSON.stringify(key)}][k],
  has: (_t, k) => k in load()[${JSON.stringify(key)}],
  ownKeys: () => Reflect.ownKeys(load()[${JSON.stringify(key)}]),
  getOwnPropertyDescriptor: (_t, k) => ({ ...Reflect.getOwnPropertyDescriptor(load()[${JSON.stringify(key)}], k), configurable: true }),
});`);
    else lines.push(`${name} ${JSON.stringify(value)};`);
  }
  return lines.join('\n');
}

const lazyModules = {
  name: 'lazy-modules',
  setup(b) {
    const required = new RegExp(`^(${LAZY_REQUIRED.join('|')})$`);
    b.onResolve({ filter: required }, (a) =>
      a.namespace === 'lazy-required' ? { path: a.path, external: true } : { path: a.path, namespace: 'lazy-required' },
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-required' }, (a) => ({
      loader: 'js',
      contents: `let real;\nmodule.exports = ${proxyOf(`(real ??= require(${JSON.stringify(a.path)}))`)};`,
    }));
    b.onResolve({ filter: /^@e965\/xlsx$/ }, (a) => ({ path: a.path, namespace: 'lazy-sheetjs' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-sheetjs' }, async () => ({ loader: 'js', contents: await sheetJsStandIn() }));
  },
};

/**
 * The commands whose compiled code the cache holds, run in this order on the bundled examples:
 * the check and the grade (with formulas, as the bench, and without) most runs are. Each child
 * starts from the cache of the one before (make-code-cache.cjs). A command that fails leaves no
 * cache: the bundle then runs as well, only compiled at each run, and the build says so.
 */
function makeCodeCache(bundle) {
  const example = join(root, 'examples', 'gwy-2020-q1.xlsx');
  const work = mkdtempSync(join(tmpdir(), 'kaohe-code-cache-'));
  const commands = [
    ['check', example],
    ['grade', example, '--out', join(work, 'values.xlsx')],
    ['grade', example, '--out', join(work, 'formulas.xlsx'), '--formulas', '--no-marks', '--json'],
  ];
  const target = cacheFileOf(bundle);
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    let from = '-';
    for (const [k, args] of commands.entries()) {
      const to = `${tmp}${k}`;
      // The child runs with no options of ours: V8 refuses a cache made under other flags.
      const env = { ...process.env };
      delete env.NODE_OPTIONS;
      spawnSync(process.execPath, [join(root, 'src', 'cli', 'make-code-cache.cjs'), bundle, from, to, ...args], {
        stdio: 'ignore',
        env,
      });
      if (from !== '-') rmSync(from, { force: true });
      if (!existsSync(to)) throw new Error(`kaohe ${args[0]} did not finish`);
      from = to;
    }
    renameSync(from, target);
  } catch (e) {
    rmSync(target, { force: true });
    process.stderr.write(`（构建）未生成代码缓存，命令照常运行，只是启动慢一些：${e.message}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** What each of the three files is built as: one CommonJS file for Node 20, everything it imports in it. */
const NODE_CJS = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'error', legalComments: 'none' };

const chunk = join(dirname(out), SHEETJS_CHUNK);
const stale =
  !existsSync(out) ||
  !existsSync(chunk) ||
  !existsSync(main) ||
  statSync(out).mtimeMs < Math.max(newest(join(root, 'src')), statSync(join(root, 'package.json')).mtimeMs);
if (stale) {
  const { build } = await import('esbuild');
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  const chunkTmp = `${chunk}.${process.pid}.tmp`;
  // SheetJS on its own, from the ES module the bundle would hold.
  await build({
    stdin: { contents: `export * from '${SHEETJS}';\nexport { default } from '${SHEETJS}';`, resolveDir: root, loader: 'js' },
    outfile: chunkTmp,
    ...NODE_CJS,
  });
  renameSync(chunkTmp, chunk);
  await build({
    entryPoints: [join(root, 'src', 'cli', 'bin.ts')],
    outfile: tmp,
    ...NODE_CJS,
    plugins: [lazyModules],
  });
  renameSync(tmp, main);
  makeCodeCache(main);
  // The loader last: its date is the build's (see stale).
  await build({
    entryPoints: [join(root, 'src', 'cli', 'start.cjs')],
    outfile: tmp,
    ...NODE_CJS,
  });
  renameSync(tmp, out);
}
require(out);
