/** The command exactly as the contract runs it: npm run --silent kaohe -- … (builds on first use). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { gwySheet } from '../helpers/sheets';
import { writeXlsx } from '../helpers/xlsx';

const root = join(__dirname, '..', '..');
const run = (...args: string[]) =>
  spawnSync('npm', ['run', '--silent', 'kaohe', '--', ...args], { cwd: root, encoding: 'utf8', timeout: 60000 });

describe('npm run --silent kaohe', () => {
  it('lists the presets', () => {
    const r = run('presets');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^gwy-2020 /);
  });

  it('checks a workbook and prints only the JSON report on stdout', async () => {
    const file = await writeXlsx(
      gwySheet([
        { name: '张三', base: 95 },
        { name: '李四', base: 92 },
      ]).grid,
    );
    const r = run('check', file, '--scheme', 'gwy-2020', '--json');
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.people.map((p: { total: number; grade: string }) => [p.total, p.grade])).toEqual([
      [95, '好'],
      [92, '好'],
    ]);
    expect(report.quota[0]).toEqual(expect.objectContaining({ count: 2, base: 2, limit: 0, severity: 'error' }));
  });

  it('exits 2 with one line on stderr when it cannot run', () => {
    const r = run('check', '/nonexistent/q1.xlsx');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe('找不到文件 /nonexistent/q1.xlsx');
  });
});
