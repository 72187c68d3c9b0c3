/**
 * Issue #16, points 4–6: how the reader finds columns and rows on layouts offices and systems
 * really produce (test/helpers/layout-sheets.ts says where each comes from), through the command
 * line, with expectations written by hand.
 *
 * What kaohe did on them before this work: the staged export took the first grade column it met
 * (最终评定等次 here, but 建议等次 wherever that came first) and compared nothing; the paged roster found
 * two presets equally fitting and stopped (exit 2) — its section line under the header was read
 * as a second header row by the inference, and its repeated header row, 盖章 line and date were
 * read as people; the two-block tallies lost the right-hand block (10 of 19 and 6 of 12 people).
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import type { Grid } from '../../src/engine';
import { GWY_QUARTERLY_PEOPLE } from '../helpers/real-sheets';
import {
  pagedRoster,
  repeatedHeader,
  SCORED_BLOCKS,
  scoredBlocks,
  stagedExport,
  TWO_BLOCK_LEFT,
  TWO_BLOCK_RIGHT,
  twoBlocks,
} from '../helpers/layout-sheets';
import { tempDir, writeXlsx } from '../helpers/xlsx';
import { kaohe, kaoheJson } from './helpers';

async function check(grid: Grid, ...args: string[]) {
  return kaoheJson('check', await writeXlsx(grid), ...args);
}

const names = (r: any): string[] => r.people.map((p: any) => p.name);
const errors = (r: any): any[] => r.issues.filter((i: any) => i.severity === 'error');
const at = (r: any, rule: string): string[] => r.issues.filter((i: any) => i.rule === rule).map((i: any) => i.cell);

/** `grade --out` (values, or formulas), then `check` of the copy: the copy's sheet and the second report. */
async function gradeThenCheck(grid: Grid, ...args: string[]) {
  const file = await writeXlsx(grid);
  const out = join(tempDir(), 'graded.xlsx');
  const graded = await kaoheJson('grade', file, '--out', out, ...args);
  const after = await kaoheJson('check', out);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  return { graded, after, ws: wb.worksheets[0]! };
}

const value = (ws: ExcelJS.Worksheet, addr: string): unknown => {
  const v = ws.getCell(addr).value;
  return v !== null && typeof v === 'object' && 'result' in v ? v.result : v;
};
const formula = (ws: ExcelJS.Worksheet, addr: string): string | null => {
  const v = ws.getCell(addr).value;
  return v !== null && typeof v === 'object' && 'formula' in v ? (v.formula ?? null) : null;
};

describe('layouts of the reader (issue #16, points 4–6)', () => {
  // 4. Decision stages side by side: 最终评定等次 is the grade, 党组会建议等次 is compared with it.
  describe('system export with 最终评定等次, 审定意见 and 党组会建议等次', () => {
    it('takes 最终评定等次 as the grade and lists each different 党组会建议等次 as information; exit 0', async () => {
      const { code, report } = await check(stagedExport());
      expect(code).toBe(0);
      expect(report.schemeSource).toBe('inferred');
      expect(names(report)).toHaveLength(12);
      expect(report.people.map((p: any) => p.grade)).toEqual([
        '好',
        '较好',
        '好',
        '较好',
        '较好',
        '好',
        '较好',
        '好',
        '较好',
        '较好',
        '一般',
        '较好',
      ]);
      const stages = report.issues.filter((i: any) => i.rule === 'grade-stage-differs');
      expect(stages.map((i: any) => [i.cell, i.severity, i.message])).toEqual([
        ['H3', 'info', '党组会建议等次为“好”，与最终评定等次“较好”不同'],
        ['H4', 'info', '党组会建议等次为“较好”，与最终评定等次“好”不同'],
        ['H6', 'info', '党组会建议等次为“一般”，与最终评定等次“较好”不同'],
      ]);
      expect(errors(report)).toEqual([]);
      expect(report.quota.map((q: any) => [q.grade, q.count, q.base, q.limit])).toEqual([['好', 4, 12, 4]]);
    });
    it('reads an opinion column that holds grades as a stage too (G9 较好 beside 好); 同意 is no grade', async () => {
      const { report } = await check(stagedExport('grades'));
      expect(at(report, 'grade-stage-differs')).toEqual(['H3', 'H4', 'H6', 'G9']);
      const g9 = report.issues.find((i: any) => i.cell === 'G9');
      expect(g9.message).toBe('机关党委（人事处）审定意见为“较好”，与最终评定等次“好”不同');
      const { report: en } = await check(stagedExport('grades'), '--lang', 'en');
      expect(en.issues.find((i: any) => i.cell === 'G9').message).toBe('机关党委（人事处）审定意见 says "较好", 最终评定等次 "好"');
    });
    it('grade writes nothing into the stages and the copy checks the same', async () => {
      const { graded, after } = await gradeThenCheck(stagedExport());
      expect(graded.code).toBe(0);
      expect(after.code).toBe(0);
      expect(at(after.report, 'grade-stage-differs')).toEqual(['H3', 'H4', 'H6']);
    });
  });

  // 5. Rows that are not people.
  describe('roster pasted from a multi-page Word table', () => {
    it('reads the 16 people and nobody else: not 姓名 again, 小计, 平均分, 好等次人数合计, 注, 说明, 填表人, 审核人, 盖章, the date', async () => {
      const { code, report } = await check(pagedRoster());
      expect(code).toBe(0);
      expect(report.schemeSource).toBe('inferred');
      expect(report.people.map((p: any) => [p.row, p.name])).toEqual([
        [4, '柳青山'],
        [5, '计小红'],
        [6, '董小燕'],
        [7, '盖文杰'],
        [8, '苗壮'],
        [9, '司马南'],
        [10, '欧阳雪'],
        [15, '葛优优'],
        [16, '郑小凡'],
        [17, '黎明亮'],
        [18, '姚瑶'],
        [19, '唐诗'],
        [20, '宋词'],
        [21, '元曲'],
        [22, '卓越'],
        [23, '向上'],
      ]);
      expect(report.people.map((p: any) => p.unit)).toEqual([...Array(7).fill('办公室'), ...Array(9).fill('业务科')]);
      expect(report.issues).toEqual([]);
      expect(report.quota.map((q: any) => [q.grade, q.count, q.base, q.limit])).toEqual([['好', 6, 16, 6]]);
    });
  });

  describe('the national template with both header rows repeated after a page break', () => {
    it('is still gwy-2020; the 15 people and no “row with scores but no name” at B14; exit 0', async () => {
      const { code, report } = await check(repeatedHeader());
      expect(report.scheme).toBe('gwy-2020');
      expect(code).toBe(0);
      expect(names(report)).toEqual(GWY_QUARTERLY_PEOPLE.map((p) => p[0]));
      expect(report.people.map((p: any) => p.row)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 15, 16, 17, 18, 19, 20, 21]);
      expect(report.people.map((p: any) => p.total)).toEqual(GWY_QUARTERLY_PEOPLE.map((p) => p[2]));
      expect(report.issues).toEqual([]);
    });
    it('grade writes nothing into the repeated header and the copy checks clean', async () => {
      const { graded, after, ws } = await gradeThenCheck(repeatedHeader(), '--formulas');
      expect(graded.report.output.cells).toBeGreaterThan(0);
      expect(value(ws, 'B13')).toBe('姓名');
      expect(ws.getCell('D14').value).toBe('思想政治素质（6分）');
      expect(errors(after.report)).toEqual([]);
    });
  });

  // 6. Two blocks side by side under the same headers: one roster.
  describe('tally printed as two blocks side by side (A–F and H–M)', () => {
    it('reads both blocks: 19 people, the right-hand block’s issues at its own cells (杨光 L5); exit 1', async () => {
      const { code, report } = await check(twoBlocks());
      expect(code).toBe(1);
      expect(names(report)).toEqual([...TWO_BLOCK_LEFT, ...TWO_BLOCK_RIGHT].map((p) => p[0]));
      expect(report.people.find((p: any) => p.name === '杨光')).toEqual(
        expect.objectContaining({ row: 5, unit: '监察科', total: 88, grade: '较好' }),
      );
      expect(errors(report).map((i: any) => [i.rule, i.cell])).toEqual([['grade-mismatch', 'L5']]);
      expect(report.quota.map((q: any) => [q.grade, q.count, q.base, q.limit])).toEqual([['好', 5, 19, 7]]);
    });
    it('grade corrects L5 and fills L9 (许晴, 83 → 较好) in the right block, adds no column; the copy checks clean', async () => {
      const { graded, after, ws } = await gradeThenCheck(twoBlocks());
      expect(graded.code).toBe(1);
      expect(graded.report.output.newColumns).toEqual([]);
      expect(value(ws, 'L5')).toBe('较好');
      expect(value(ws, 'L9')).toBe('较好');
      expect(value(ws, 'L8')).toBe('较差'); // 尤佳佳, 58, unchanged
      expect(value(ws, 'E5')).toBe('较好'); // 吴丽华, left block, unchanged
      expect(ws.getCell('N4').value).toBeNull();
      expect(errors(after.report)).toEqual([]);
      expect(after.code).toBe(0);
    });
    it('a scored sheet in two blocks: the right block’s total and grade are checked at R6 and S6', async () => {
      const { code, report } = await check(scoredBlocks());
      expect(code).toBe(1);
      expect(names(report)).toEqual(SCORED_BLOCKS.map((p) => p[0]));
      expect(report.people.map((p: any) => p.total)).toEqual([93, 84, 80, 93, 73, 86, 93, 81, 88, 68, 89, 83]);
      expect(errors(report).map((i: any) => [i.rule, i.cell])).toEqual([
        ['total-mismatch', 'R6'],
        ['grade-mismatch', 'S6'],
      ]);
      expect(report.quota.map((q: any) => [q.grade, q.count, q.base, q.limit])).toEqual([['好', 3, 12, 4]]);
    });
    it('grade --formulas writes each block’s formulas over its own cells (R8 sums M8:Q8) and the copy checks clean', async () => {
      const { graded, after, ws } = await gradeThenCheck(scoredBlocks(), '--formulas');
      expect(graded.report.output.newColumns).toEqual([]);
      expect(formula(ws, 'H4')).toMatch(/C4.*G4|SUM\(C4:G4\)/);
      expect(formula(ws, 'R8')).toMatch(/M8.*Q8|SUM\(M8:Q8\)/);
      expect(formula(ws, 'S8')).toContain('R8');
      expect(value(ws, 'R6')).toBe(88);
      expect(value(ws, 'S6')).toBe('较好');
      expect(ws.getCell('T4').value).toBeNull();
      expect(errors(after.report)).toEqual([]);
      expect(after.code).toBe(0);
    });
  });

  it('the text report names the right block’s cell too', async () => {
    const r = await kaohe('check', await writeXlsx(twoBlocks()));
    expect(r.out).toContain('L5');
  });
});
