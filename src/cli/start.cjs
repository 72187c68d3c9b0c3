/**
 * The command users run, built into dist/kaohe.cjs (src/cli/launch.mjs): loads the bundle beside
 * it (dist/kaohe-main.cjs) with the code cache made for it when there is one (./bundle-loader.cjs).
 */
'use strict';
const { join } = require('node:path');
const { cacheFileOf, compileBundle, runBundle } = require('./bundle-loader.cjs');

const bundle = join(__dirname, 'kaohe-main.cjs');
let compiled;
try {
  compiled = compileBundle(bundle, cacheFileOf(bundle));
} catch (e) {
  // Only kaohe.cjs copied somewhere: one line saying what is missing, not Node's trace.
  if (e.code !== 'ENOENT') throw e;
  process.stderr.write(`kaohe: 找不到 ${bundle}（kaohe.cjs 与 kaohe-main.cjs、kaohe-xlsx.cjs 要放在同一文件夹）\n`);
  process.exitCode = 2;
}
if (compiled) runBundle(compiled.script, bundle, module);
