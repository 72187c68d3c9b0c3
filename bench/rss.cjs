/**
 * Runs a node script as if it were the main program, then prints its peak memory (maxRSS, in KiB)
 * and the CPU time of all its threads (user + system, in ms) on stderr:
 * `node bench/rss.cjs dist/kaohe.cjs check file.xlsx`.
 */
const { resolve } = require('node:path');

const [, , script, ...args] = process.argv;
process.argv = [process.argv[0], resolve(script), ...args];
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`\nMAXRSS ${u.maxRSS}\nCPUMS ${Math.round((u.userCPUTime + u.systemCPUTime) / 1000)}\n`);
});
require(resolve(script));
