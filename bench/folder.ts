/**
 * The folder check of issue #21: 200 workbooks × 50 people (../test/helpers/county), checked by the
 * built command with one worker and with one per core; time, files per second, CPU time and peak
 * memory (of the whole process, its worker threads included) and the speed-up. Target: ≥ 1.7× on
 * 2 cores. Beside it, what bounds the speed-up: the CPU time each run costs in all, and what the
 * machine gives independent JavaScript work (bench/machine.cjs).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { countyFolder } from '../test/helpers/county';

export const FOLDER_TARGET = 'folder check of 200 workbooks: speed-up of one worker per core over one worker ≥ 1.7× (2 cores)';

interface Run {
  ms: number;
  cpuMs: number;
  maxRssKb: number;
}

/** The command under bench/rss.cjs, `runs` times: median wall and CPU time, highest peak memory. */
function measured(root: string, argv: string[], runs: number): Run {
  const ms: number[] = [];
  const cpu: number[] = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [join(root, 'bench', 'rss.cjs'), ...argv], { encoding: 'utf8', maxBuffer: 1 << 30 });
    ms.push(performance.now() - t);
    if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')}: ${r.stderr}`);
    cpu.push(Number(/CPUMS (\d+)/.exec(r.stderr)?.[1] ?? NaN));
    rss = Math.max(rss, Number(/MAXRSS (\d+)/.exec(r.stderr)?.[1] ?? 0));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { ms: median(ms), cpuMs: median(cpu), maxRssKb: rss };
}

export async function folderBench(root: string, cli: string, work: string): Promise<{ lines: string[]; speedUp: number; cores: number }> {
  const dir = join(work, 'county-200x50');
  if (!existsSync(join(dir, '清河县财政局.xlsx'))) await countyFolder(dir, 200, 50, false);
  const cores = Math.min(availableParallelism(), 8);
  const loadBefore = loadavg()[0]!.toFixed(1);
  const run = (jobs: number) => measured(root, [cli, 'check', dir, '--json', '--jobs', String(jobs)], 3);
  const one = run(1);
  const all = run(cores);
  const capacity = Number(
    /CAPACITY ([\d.]+)/.exec(
      spawnSync(process.execPath, [join(root, 'bench', 'machine.cjs'), String(cores)], { encoding: 'utf8' }).stdout,
    )?.[1],
  );
  const s = (ms: number) => (ms / 1000).toFixed(1);
  const row = (jobs: number, r: Run) =>
    `| ${jobs} | ${s(r.ms)} | ${(200 / (r.ms / 1000)).toFixed(1)} | ${s(r.cpuMs)} | ${(r.maxRssKb / 1024).toFixed(0)} |`;
  const speedUp = one.ms / all.ms;
  // Were every core busy all the time, the run with one worker per core would last its CPU time ÷ cores.
  const ceiling = one.ms / (all.cpuMs / cores);
  return {
    lines: [
      `Folder check (\`kaohe check <folder> --json\`), 200 workbooks × 50 people, median of 3, on ${availableParallelism()} core(s):`,
      '',
      '| workers | time (s) | files per second | CPU time, all threads (s) | peak memory (MB) |',
      '|---:|---:|---:|---:|---:|',
      row(1, one),
      row(cores, all),
      '',
      `Speed-up with ${cores} workers: ${speedUp.toFixed(2)}×. The machine gives independent JavaScript work ${capacity.toFixed(2)}× on ${cores} threads (bench/machine.cjs). ` +
        `The check costs ${s(all.cpuMs - one.cpuMs)} s more CPU with ${cores} workers than with one: each worker thread is a V8 isolate of its own, which compiles the checking code again with V8's optimizing compiler; with one worker that compilation runs on an otherwise idle core, with ${cores} it competes with the checking. ` +
        `Even with every core busy all the time the ${cores}-worker run would last ${s(all.cpuMs / cores)} s: a ceiling of ${ceiling.toFixed(2)}× for this folder. ` +
        `Machine load while measuring (1-minute average): ${loadBefore} before, ${loadavg()[0]!.toFixed(1)} after; other work on the machine lowers every figure here but the CPU times.`,
    ],
    speedUp,
    cores,
  };
}
