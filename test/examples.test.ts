/** The bundled example: the committed workbook is what examples/build-example.mjs builds, and kaohe finds its mistakes. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tempDir } from './helpers/xlsx';
import { kaoheJson } from './cli/helpers';

const root = join(__dirname, '..');
const example = join(root, 'examples', 'gwy-2020-q1.xlsx');

describe('examples/gwy-2020-q1.xlsx', () => {
  it('is what the build script makes', async () => {
    const fresh = join(tempDir(), 'rebuilt.xlsx');
    const built = spawnSync(process.execPath, [join(root, 'examples', 'build-example.mjs'), fresh], { encoding: 'utf8' });
    expect(built.status).toBe(0);
    const a = await kaoheJson('check', example);
    const b = await kaoheJson('check', fresh);
    expect(b.report).toEqual(a.report);
  });

  it('has the mistakes the build script documents, each at its cell', async () => {
    const { code, report } = await kaoheJson('check', example);
    expect(code).toBe(1);
    expect(report.scheme).toBe('gwy-2020');
    expect(report.issues.map((i: { cell: string; rule: string }) => `${i.cell} ${i.rule}`)).toEqual([
      'Y8 quota-exceeded',
      'E10 out-of-range',
      'Y11 grade-mismatch',
      'P12 number-as-text',
      'V14 out-of-range',
      'X14 total-mismatch',
      'O20 not-a-number',
      'S20 number-as-text',
    ]);
    const by = (name: string) => report.people.find((p: { name: string }) => p.name === name);
    expect([by('杨帆').total, by('赵磊').grade, by('黄丽').total, by('周杰').total, by('朱琳').total]).toEqual([
      95.5,
      '较好',
      84,
      84,
      null,
    ]);
    expect([by('徐涛').status, by('孙晓').status, by('胡斌').status, by('胡斌').elsewhere, by('郭亮').status]).toEqual([
      'ungraded',
      'ungraded',
      'excluded',
      true,
      'excluded',
    ]);
    expect(report.quota[0]).toEqual(expect.objectContaining({ grade: '好', count: 6, base: 12, limit: 4, severity: 'error' }));
    expect(report.quota[0].ranking.map((p: { name: string; tie: boolean }) => [p.name, p.tie])).toEqual([
      ['杨帆', false],
      ['王建国', false],
      ['李秀英', false],
      ['张伟', true],
      ['刘洋', true],
      ['陈静', false],
    ]);
  });

  it('npm run demo explains it and succeeds', () => {
    const r = spawnSync('npm', ['run', '--silent', 'demo'], { cwd: root, encoding: 'utf8', timeout: 60000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('E10     错误  out-of-range    思想政治素质 6.5 超过满分 6');
    expect(r.stdout).toContain('“好”等次 6 人，超过名额 4 人（12 人 × 40%，向下取整）');
  });
});

describe('examples/gwy-2020-year.xlsx', () => {
  it('is what the build script makes', async () => {
    const fresh = join(tempDir(), 'year.xlsx');
    const built = spawnSync(process.execPath, [join(root, 'examples', 'build-annual-example.mjs'), fresh], { encoding: 'utf8' });
    expect(built.status).toBe(0);
    const a = await kaoheJson('annual', join(root, 'examples', 'gwy-2020-year.xlsx'));
    const b = await kaoheJson('annual', fresh);
    expect(b.report).toEqual(a.report);
  });
});

describe('examples/qu-zuzhi-2014-months.xlsx', () => {
  it('is what the build script makes', async () => {
    const fresh = join(tempDir(), 'months.xlsx');
    const built = spawnSync(process.execPath, [join(root, 'examples', 'build-orgs-example.mjs'), fresh], { encoding: 'utf8' });
    expect(built.status).toBe(0);
    const a = await kaoheJson('annual', join(root, 'examples', 'qu-zuzhi-2014-months.xlsx'));
    const b = await kaoheJson('annual', fresh);
    expect(b.report).toEqual(a.report);
  });
});
