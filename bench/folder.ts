/**
 * The folder check of issue #21: 200 workbooks × 50 people (../test/helpers/county), checked by the
 * built command with one worker and with one per core; time, files per second, peak memory (of the
 * whole process, its worker threads included) and the speed-up. Target: ≥ 1.7× on 2 cores.
 */
import { existsSync } from 'node:fs';
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
      `Speed-up with ${cores} workers: ${speedUp.toFixed(2)}×.`,
    ],
    speedUp,
    cores,
  };
}
