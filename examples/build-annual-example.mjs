#!/usr/bin/env node
/**
 * Builds examples/gwy-2020-year.xlsx, the workbook `kaohe annual` rolls up in the demo and the
 * tests: four quarterly sheets (第一季度 … 第四季度, gwy-2020 dimensions 德能勤绩廉 with 合计
 * and 等次) and a 年度考核 sheet with the annual grades the office proposes.
 * Run it again after changing the data: node examples/build-annual-example.mjs [out.xlsx]
 *
 * What the roll-up should find (gwy-2020 annual rules):
 *   王建国  好 好 好 好        优秀 at most; 全年均为好 → first in line for 优秀
 *   李明    好 好 好 较好      优秀 (好 in more than half, no 一般/较差)
 *   张丽    好 较好 较好 好    称职 (好 in only half) — proposed 优秀: annual-grade-not-allowed
 *   刘洋    较好 一般 较好 较好 称职 (a 一般)
 *   陈静    一般 较差 一般 较好 基本称职 (一般/较差 in 3 of 4)
 *   赵磊    较差 较差 一般 较好 基本称职, 诫勉 (较差 twice in a row) — proposed 称职: not allowed
 *   孙晓    较差 × 4           不称职 (decided), 诫勉
 *   徐涛    试用期 好 好 好    优秀 at most (3 of 3 graded); Q1 without a grade is reported
 *   周杰    — — 好 好          joined in Q3: missing from Q1 and Q2, reported
 *   郭亮    较好 较好 调出 —    称职; left in Q3, missing from Q4
 *   黄丽    较好 × 4           称职
 *   胡斌    派驻 × 4           appraised elsewhere all year: no rule applies, decided elsewhere
 *   优秀 proposed for 3 of 10 appraised: over the 20 % annual quota (2)
 */
import ExcelJS from 'exceljs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const DIMS = [
  ['德（20分）', 20],
  ['能（20分）', 20],
  ['勤（15分）', 15],
  ['绩（35分）', 35],
  ['廉（10分）', 10],
];
/** A total for each grade, well inside its band. */
const TOTAL = { 好: 93, 较好: 82, 一般: 68, 较差: 55 };

// name, unit, the four quarters: a grade, or a remark that decides the status, or null (not on the sheet).
const PEOPLE = [
  ['王建国', '办公室', ['好', '好', '好', '好']],
  ['李明', '办公室', ['好', '好', '好', '较好']],
  ['张丽', '财务科', ['好', '较好', '较好', '好']],
  ['刘洋', '财务科', ['较好', '一般', '较好', '较好']],
  ['陈静', '人事科', ['一般', '较差', '一般', '较好']],
  ['赵磊', '人事科', ['较差', '较差', '一般', '较好']],
  ['孙晓', '法规科', ['较差', '较差', '较差', '较差']],
  ['徐涛', '法规科', [{ remark: '试用期', grade: '较好' }, '好', '好', '好']],
  ['周杰', '办公室', [null, null, '好', '好']],
  ['郭亮', '财务科', ['较好', '较好', { remark: '7月调出', grade: '较好' }, null]],
  ['黄丽', '人事科', ['较好', '较好', '较好', '较好']],
  ['胡斌', '法规科', Array(4).fill({ remark: '派驻村第一书记', grade: '较好' })],
];
const PROPOSED = {
  王建国: '优秀',
  李明: '优秀',
  张丽: '优秀',
  刘洋: '称职',
  陈静: '基本称职',
  赵磊: '称职',
  孙晓: '不称职',
  徐涛: '称职',
  周杰: '称职',
  黄丽: '称职',
};

/** Dimension scores adding up to `total`, each in proportion to its maximum, in half points. */
function split(total) {
  const xs = DIMS.map(([, max]) => Math.round(((max * total) / 100) * 2) / 2);
  xs[3] += total - xs.reduce((a, b) => a + b, 0);
  return xs;
}

const QUARTERS = ['第一季度', '第二季度', '第三季度', '第四季度'];

export async function buildAnnualExample(file) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'kaohe';
  wb.created = new Date(Date.UTC(2026, 11, 20));
  wb.modified = wb.created;
  QUARTERS.forEach((q, qi) => {
    const ws = wb.addWorksheet(q);
    ws.addRow([`2026年${q}公务员平时考核量化评分表`]);
    ws.mergeCells(1, 1, 1, 12);
    ws.addRow(['序号', '姓名', '科室', ...DIMS.map(([h]) => h), '加分', '减分', '合计', '等次', '备注']);
    let seq = 0;
    for (const [name, unit, quarters] of PEOPLE) {
      const q = quarters[qi];
      if (q === null) continue;
      const grade = typeof q === 'string' ? q : q.grade;
      const remark = typeof q === 'string' ? null : q.remark;
      const total = TOTAL[grade];
      const shown = remark ? null : grade;
      ws.addRow([++seq, name, unit, ...split(total), null, null, total, shown ?? (remark.includes('试用期') ? '不定等次' : null), remark]);
    }
    [5, 9, 10, 8, 8, 8, 8, 8, 6, 6, 7, 8, 18].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  });
  const year = wb.addWorksheet('年度考核');
  year.addRow(['2026年度公务员年度考核等次（拟定）']);
  year.addRow(['序号', '姓名', '科室', '年度考核等次', '备注']);
  let seq = 0;
  for (const [name, unit, quarters] of PEOPLE) {
    const remark = name === '郭亮' ? '7月调出' : name === '胡斌' ? '派驻村第一书记' : null;
    year.addRow([++seq, name, unit, PROPOSED[name] ?? null, remark]);
    void quarters;
  }
  await wb.xlsx.writeFile(file);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildAnnualExample(process.argv[2] ?? join(here, 'gwy-2020-year.xlsx'));
}
