/**
 * Issue 21: the folder check as the built command runs it, over worker threads. Two workers give
 * the same report as one, in the same order; Ctrl-C (SIGINT) half-way ends the run with what was
 * checked reported and the rest named as not done. The summary workbook as LibreOffice prints it.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countyFolder, type CountyFolder } from '../helpers/county';
import { pdfPages, soffice } from '../helpers/libreoffice';
import { tempDir } from '../helpers/xlsx';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'kaohe.cjs');
let county: CountyFolder;

beforeAll(async () => {
  execFileSync('node', [join(ROOT, 'src', 'cli', 'launch.mjs'), 'presets']); // builds dist/kaohe.cjs when stale
  county = await countyFolder(join(tempDir(), '县直单位'), 60, 20, false);
}, 180000);

const check = (...args: string[]) => spawnSync('node', [CLI, 'check', ...args], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 120000 });

it('gives the same report with two workers as with one', () => {
  const one = check(county.dir, '--json', '--jobs', '1');
  const two = check(county.dir, '--json', '--jobs', '2');
  expect([one.status, two.status]).toEqual([1, 1]);
  const files = JSON.parse(two.stdout).files;
  expect(files.map((f: { file: string }) => f.file)).toEqual(county.workbooks);
  expect(two.stdout).toBe(one.stdout);
  // Not a terminal: no progress line.
  expect(two.stderr).toBe('');
}, 240000);

it('stops on Ctrl-C with what was checked reported', async () => {
  const child = spawn('node', [CLI, 'check', county.dir, '--json', '--jobs', '2'], { env: { ...process.env, KAOHE_PROGRESS: '1' } });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
    if (/已检查 [12]\/60/.test(err) && !child.killed) child.kill('SIGINT');
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const done = JSON.parse(out).files as { file: string; error: string | null }[];
  expect(code).toBe(2);
  expect(done.length).toBeGreaterThanOrEqual(1);
  expect(done.length).toBeLessThan(60);
  expect(done.every((f) => f.error === null && county.workbooks.includes(f.file))).toBe(true);
  expect(err).toContain(`已中断：检查了 60 个文件中的 ${done.length} 个，以上是已检查文件的结果`);
}, 240000);

it('writes a summary workbook LibreOffice prints on A4 landscape pages, the chart included', () => {
  const dir = tempDir('kaohe-summary-');
  const out = join(dir, '汇总.xlsx');
  const r = check(county.dir, '--out', out);
  expect(r.status).toBe(1);
  const lo = (...args: string[]) =>
    execFileSync(soffice(), [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', ...args], {
      stdio: 'pipe',
      timeout: 180000,
    });
  lo('--convert-to', 'pdf', '--outdir', dir, out);
  const pages = pdfPages(join(dir, '汇总.pdf'));
  // 汇总 (60 units), 问题清单, 图表: at least one page each, every one A4 landscape (842 × 595 points).
  expect(pages.length).toBeGreaterThanOrEqual(3);
  expect(new Set(pages.map((p) => `${p.width}×${p.height}`))).toEqual(new Set(['842×595']));
  // LibreOffice saving it again keeps the chart: it read it as a chart.
  mkdirSync(join(dir, 'again'));
  lo('--convert-to', 'xlsx', '--outdir', join(dir, 'again'), out);
  const again = readFileSync(join(dir, 'again', '汇总.xlsx')).toString('latin1');
  expect(again).toMatch(/xl\/charts\/chart\d+\.xml/);
}, 300000);
