/**
 * The command users run, built into dist/kaohe.cjs (src/cli/launch.mjs): loads the bundle beside
 * it (dist/kaohe-main.cjs) with the code cache made for it when there is one (./bundle-loader.cjs).
 */
'use strict';
const { join } = require('node:path');
const { cacheFileOf, compileBundle, runBundle } = require('./bundle-loader.cjs');

const bundle = join(__dirname, 'kaohe-main.cjs');
runBundle(compileBundle(bundle, cacheFileOf(bundle)).script, bundle, module);
