/**
 * Build step of src/cli/launch.mjs, run in a child process: runs the bundle on one command,
 * compiled as dist/kaohe.cjs compiles it (./bundle-loader.cjs), and at exit writes V8's code
 * cache of it, which then holds every function that command compiled. Given the cache of an
 * earlier command, it starts from that one, so a chain of commands adds up.
 * `node src/cli/make-code-cache.cjs BUNDLE FROM_CACHE|- OUT_CACHE COMMAND ARGS…`
 */
'use strict';
const { writeFileSync } = require('node:fs');
const { compileBundle, runBundle } = require('./bundle-loader.cjs');

const [node, , bundle, from, out, ...args] = process.argv;
const { script, head } = compileBundle(bundle, from === '-' ? undefined : from);
process.argv = [node, bundle, ...args];
process.on('exit', () => writeFileSync(out, Buffer.concat([head, script.createCachedData()])));
runBundle(script, bundle, module);
