/**
 * Issue 19, safe output: the built command killed while it writes its copy (SIGTERM, SIGINT)
 * leaves neither the copy nor its temporary file in the folder. The workbook is made large
 * enough that writing takes a while; the test waits until the temporary file is there, then
 * kills the process.
 */
import { execFileSync, spawn } from 'node:child_process';
import ExcelJS from 'exceljs';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE } from '../helpers/hostile';
import { seeded } from '../helpers/random';
import { tempDir } from '../helpers/xlsx';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'kaohe.cjs');
let input: string;

beforeAll(async () => {
  execFileSync('node', [join(ROOT, 'src', 'cli', 'launch.mjs'), 'presets']); // builds dist/kaohe.cjs when stale
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(EXAMPLE);
  const pad = wb.addWorksheet('附件');
  const rand = seeded(19);
  const text = () => Array.from({ length: 20 }, () => String.fromCharCode(0x4e00 + Math.floor(rand() * 6000))).join('');
  for (let r = 1; r <= 20000; r++) pad.getRow(r).values = [text(), text(), text(), r];
  input = join(tempDir('kaohe-kill-in-'), 'big.xlsx');
  await wb.xlsx.writeFile(input);
}, 120000);

/** Runs grade into an empty folder, kills it with `signal` once its temporary file appears; the folder afterwards and the exit. */
function killWhileWriting(signal: NodeJS.Signals): Promise<{ seen: string[]; left: string[]; code: number | null }> {
  const dir = tempDir('kaohe-kill-');
  const child = spawn('node', [CLI, 'grade', input, '--out', join(dir, 'copy.xlsx')], { stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    let seen: string[] = [];
    const poll = setInterval(() => {
      seen = readdirSync(dir);
      if (seen.length > 0) {
        clearInterval(poll);
        child.kill(signal);
      }
    }, 2);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      resolve({ seen, left: readdirSync(dir), code });
    });
  });
}

it.each([
  ['SIGTERM', 143],
  ['SIGINT', 130],
] as const)(
  'killed by %s while writing: no file left behind',
  async (signal, exit) => {
    const r = await killWhileWriting(signal);
    expect(r.seen).toEqual([expect.stringMatching(/^\.copy\.xlsx\.[0-9a-f]{16}\.kaohe-tmp$/)]);
    expect(r.left).toEqual([]);
    expect(r.code).toBe(exit);
  },
  120000,
);
