/**
 * The built command printing into a pipe whose reader stops early (`kaohe check … | head -c 10`):
 * it ends with its own exit code and no Node trace on stderr. The report is made larger than a
 * pipe's buffer (ten copies of the example in a folder), so the command is still printing when the
 * reader goes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE } from '../helpers/hostile';
import { tempDir } from '../helpers/xlsx';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'kaohe.cjs');

beforeAll(() => {
  execFileSync('node', [join(ROOT, 'src', 'cli', 'launch.mjs'), 'presets']); // builds dist/kaohe.cjs when stale
}, 120000);

it('check --json | head -c 10: the command exits with its own code and prints no EPIPE trace', () => {
  const dir = tempDir('kaohe-pipe-');
  for (let i = 0; i < 10; i++) copyFileSync(EXAMPLE, join(dir, `科室${i}.xlsx`));
  const whole = spawnSync('node', [CLI, 'check', dir, '--json'], { encoding: 'utf8' });
  expect(whole.stdout.length).toBeGreaterThan(64 * 1024); // a pipe holds 64 KiB on Linux;
  const err = join(dir, 'stderr.txt');
  // The folder and file names are ours (tempDir), passed as arguments, never spliced into the script.
  const r = spawnSync(
    'bash',
    ['-c', 'node "$1" check "$2" --json 2>"$3" | head -c 10 >/dev/null; echo "${PIPESTATUS[0]}"', 'bash', CLI, dir, err],
    {
      encoding: 'utf8',
    },
  );
  expect(readFileSync(err, 'utf8')).toBe('');
  expect(Number(r.stdout.trim())).toBe(whole.status);
}, 60000);
