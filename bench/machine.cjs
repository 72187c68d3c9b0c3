/**
 * What the machine gives independent JavaScript work: a fixed workload (building and JSON
 * round-tripping 100,000 small records, allocation-heavy like reading a sheet) done once in one
 * worker thread, then once in each of N worker threads at the same time. Prints
 * `CAPACITY <N × one-thread time ÷ N-thread time>`: N on N free cores.
 * `node bench/machine.cjs N`
 */
const { Worker, isMainThread } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
const self = require.resolve('./machine.cjs');

function work() {
  const rows = [];
  for (let i = 0; i < 100000; i++) rows.push({ n: i, name: `人员${i}`, scores: [i % 20, i % 30, i % 50] });
  let s = 0;
  for (let k = 0; k < 8; k++) s += JSON.parse(JSON.stringify(rows)).length;
  return s;
}

function threads(n) {
  const t = performance.now();
  return Promise.all(
    Array.from({ length: n }, () => new Promise((done, fail) => new Worker(self).on('exit', done).on('error', fail))),
  ).then(() => performance.now() - t);
}

async function main() {
  const n = Number(process.argv[2] ?? 2);
  const med = async (k) => {
    const ts = [await threads(k), await threads(k), await threads(k)].sort((a, b) => a - b);
    return ts[1];
  };
  const one = await med(1);
  const all = await med(n);
  process.stdout.write(`CAPACITY ${((n * one) / all).toFixed(2)}\n`);
}

if (isMainThread) void main();
else work();
