/**
 * Runs a node script as if it were the main program, then prints its peak memory (maxRSS, in KiB)
 * on stderr: `node bench/rss.cjs dist/kaohe.cjs check file.xlsx`.
 */
const { resolve } = require('node:path');

const [, , script, ...args] = process.argv;
process.argv = [process.argv[0], resolve(script), ...args];
process.on('exit', () => process.stderr.write(`\nMAXRSS ${process.resourceUsage().maxRSS}\n`));
require(resolve(script));
