/**
 * A county's folder of quarterly sheets, as a 组织部 collects them (issue #21): one workbook per
 * unit, most in the gwy-2020 layout under their own unit's name, the real layouts of
 * ./real-sheets (county compilation, system export, village committee, weighted 70/30, …), a few
 * saved as old .xls, one workbook with a sheet per unit and a 说明 sheet, a few files that cannot
 * be read, and what a shared folder also holds (Excel's lock files, hidden files, notes).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Grid } from '../../src/engine';
import { seeded, pick } from './random';
import { REAL_SHEETS } from './real-sheets';
import { type GwyPerson, gwySheet } from './sheets';
import { writeXls, writeXlsx } from './xlsx';

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌宇浩凯鹏飞';
const OFFICES = ['办公室', '综合科', '业务科', '法规科'];

/** A unit's name: 县 + a bureau; numbered past the list so that every unit is its own. */
const BUREAUS = [
  '财政局',
  '发改局',
  '人社局',
  '教育局',
  '卫健局',
  '民政局',
  '司法局',
  '审计局',
  '统计局',
  '水利局',
  '交通局',
  '商务局',
  '文旅局',
  '应急局',
  '林业局',
  '农业局',
  '住建局',
  '自然资源局',
  '生态环境局',
  '市场监管局',
];
export const unitName = (i: number): string =>
  `清河县${BUREAUS[i % BUREAUS.length]}${i >= BUREAUS.length ? `${Math.floor(i / BUREAUS.length) + 1}所` : ''}`;

/** A gwy-2020 sheet of `n` people for one unit; `over`: more 好 than its 40% allows. */
export function unitSheet(unit: string, n: number, seed: number, over = false): Grid {
  const rand = seeded(seed);
  const people: GwyPerson[] = [];
  const names = new Set<string>();
  while (people.length < n) {
    const name =
      SURNAMES[Math.floor(rand() * SURNAMES.length)]! +
      GIVEN[Math.floor(rand() * GIVEN.length)]! +
      (rand() < 0.5 ? GIVEN[Math.floor(rand() * GIVEN.length)]! : '');
    if (names.has(name)) continue;
    names.add(name);
    // About a third at 90 or more (好 within 40%), or, for a unit over its quota, most of them.
    const high = over ? rand() < 0.8 : people.length % 3 === 0;
    people.push({ name, unit: OFFICES[Math.floor(rand() * OFFICES.length)]!, base: high ? pick(rand, 90, 98) : pick(rand, 70, 89) });
  }
  const { grid } = gwySheet(people);
  // The sheet names its unit as offices do, on the 填报单位 line.
  const values = grid.values.map((r) => [...r]);
  values[1]![0] = `填报单位：${unit}（盖章）`;
  return { ...grid, values, sheet: '第一季度' };
}

export interface CountyFolder {
  dir: string;
  /** Every workbook a check is to read, as found under `dir`. */
  workbooks: string[];
  /** Those that cannot be read. */
  unreadable: string[];
  /** Those over the 好 quota. */
  over: string[];
  /** The workbook with a sheet per unit, and its unit sheets. */
  perUnit: { file: string; sheets: string[] };
  /** What the check skips: lock files, hidden files, other files. */
  skipped: string[];
}

/**
 * Writes the folder: `units` gwy-2020 workbooks of `people` each (units 4, 13, 22, … over their quota), with
 * `extras` the real layouts, .xls copies, the per-unit workbook, unreadable and skipped files.
 */
export async function countyFolder(dir: string, units: number, people: number, extras = true): Promise<CountyFolder> {
  mkdirSync(join(dir, '乡镇'), { recursive: true });
  const workbooks: string[] = [];
  const over: string[] = [];
  const unreadable: string[] = [];
  for (let i = 0; i < units; i++) {
    const unit = unitName(i);
    const isOver = i % 9 === 4;
    const file = join(dir, `${unit}.xlsx`);
    await writeXlsx(unitSheet(unit, people, 1000 + i, isOver), file);
    workbooks.push(file);
    if (isOver) over.push(file);
  }
  const skipped: string[] = [];
  let perUnit = { file: '', sheets: [] as string[] };
  if (extras) {
    for (const [name, build] of Object.entries(REAL_SHEETS)) {
      const file = join(dir, '乡镇', `${name}.xlsx`);
      await writeXlsx(build(), file);
      workbooks.push(file);
    }
    for (let i = 0; i < 3; i++) {
      const unit = `清河县${['老干部局', '档案馆', '机关事务中心'][i]}`;
      const file = join(dir, `${unit}.xls`);
      await writeXls(unitSheet(unit, people, 2000 + i), file);
      workbooks.push(file);
    }
    const sheets = ['党政办', '经发办', '社事办'];
    const file = join(dir, '乡镇', '白马镇各站所.xlsx');
    const notes: Grid = { sheet: '说明', top: 1, left: 1, values: [['本工作簿每张表一个站所，汇总后报县委组织部。']], merges: [] };
    await writeXlsx([notes, ...sheets.map((s, i) => ({ ...unitSheet(`白马镇${s}`, people, 3000 + i), sheet: s }))], file);
    workbooks.push(file);
    perUnit = { file, sheets };
    const broken = {
      '损坏的表.xlsx': Buffer.from('这不是一个工作簿'),
      '空文件.xlsx': Buffer.alloc(0),
      '旧系统导出.xls': Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj'),
    };
    for (const [name, bytes] of Object.entries(broken)) {
      const f = join(dir, name);
      writeFileSync(f, bytes);
      workbooks.push(f);
      unreadable.push(f);
    }
    for (const name of ['~$清河县财政局.xlsx', '.隐藏的表.xlsx', '说明.txt']) {
      const f = join(dir, name);
      writeFileSync(f, 'x');
      skipped.push(f);
    }
  }
  return { dir, workbooks: workbooks.sort(), unreadable, over, perUnit, skipped };
}
