/**
 * The folder check of issue #21: 200 workbooks × 50 people (../test/helpers/county), checked by the
 * built command with one worker and with one per core; time, files per second, peak memory (of the
 * whole process, its worker threads included) and the speed-up. Target: ≥ 1.7× on 2 cores.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { countyFolder } from '../test/helpers/county';

export const FOLDER_TARGET = 'folder check of 200 workbooks: speed-up of one worker per core over one worker ≥ 1.7× (2 cores)';

type SpawnMs = (argv: string[], runs: number) => { ms: number; maxRssKb: number };

export async function folderBench(
  spawnMs: SpawnMs,
  root: string,
  cli: string,
  work: string,
): Promise<{ lines: string[]; speedUp: number; cores: number }> {
  const dir = join(work, 'county-200x50');
  if (!existsSync(join(dir, '清河县财政局.xlsx'))) await countyFolder(dir, 200, 50, false);
  const cores = Math.min(availableParallelism(), 8);
  const run = (jobs: number) => spawnMs([join(root, 'bench', 'rss.cjs'), cli, 'check', dir, '--json', '--jobs', String(jobs)], 3);
  const one = run(1);
  const all = run(cores);
  const capacity = await machineCapacity(dir, cli, cores);
  const row = (jobs: number, r: { ms: number; maxRssKb: number }) =>
    `| ${jobs} | ${(r.ms / 1000).toFixed(1)} | ${(200 / (r.ms / 1000)).toFixed(1)} | ${(r.maxRssKb / 1024).toFixed(0)} |`;
  const speedUp = one.ms / all.ms;
  return {
    lines: [
      `Folder check (\`kaohe check <folder> --json\`), 200 workbooks × 50 people, median of 3, on ${availableParallelism()} core(s):`,
      '',
      '| workers | time (s) | files per second | peak memory (MB) |',
      '|---:|---:|---:|---:|',
      row(1, one),
      row(cores, all),
      '',
      `Speed-up with ${cores} workers: ${speedUp.toFixed(2)}×. What the machine itself allows: ${cores} separate one-worker processes, each on its share of the files at the same time, finish ${capacity.toFixed(2)}× faster than one process on all of them (the ceiling for any way of spreading the work here).`,
    ],
    speedUp,
    cores,
  };
}

/** The same files split into `cores` folders, each checked by its own one-worker process at the same time: the speed-up the machine gives independent work. */
async function machineCapacity(dir: string, cli: string, cores: number): Promise<number> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.xlsx'));
  const parts = Array.from({ length: cores }, (_, k) => {
    const part = `${dir}-part${k}`;
    if (!existsSync(part)) {
      mkdirSync(part);
      files.filter((_f, i) => i % cores === k).forEach((f) => copyFileSync(join(dir, f), join(part, f)));
    }
    return part;
  });
  const once = (folders: string[]) => {
    const t = performance.now();
    return Promise.all(
      folders.map(
        (f) =>
          new Promise<void>((done) =>
            spawn(process.execPath, [cli, 'check', f, '--json', '--jobs', '1'], { stdio: 'ignore' }).on('exit', () => done()),
          ),
      ),
    ).then(() => performance.now() - t);
  };
  const med = async (folders: string[]) => {
    const ts = [await once(folders), await once(folders), await once(folders)].sort((a, b) => a - b);
    return ts[1]!;
  };
  return (await med([dir])) / (await med(parts));
}
