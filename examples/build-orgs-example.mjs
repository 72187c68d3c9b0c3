#!/usr/bin/env node
/**
 * Builds examples/qu-zuzhi-2014-months.xlsx: four monthly sheets (1月 … 4月) of a district's
 * appraisal of organisation work (qu-zuzhi-2014): one row per unit, 类别 街道 or 区直单位,
 * 基层组织建设 (40) and 其他组织工作目标 (60), with 总分 and 排名 left for kaohe to fill.
 * Run it again after changing the data: node examples/build-orgs-example.mjs [out.xlsx]
 *
 * What the roll-up should find (last two places of the category, month by month):
 *   街道 (5 units; places 4 and 5 are the last two)
 *     北山街道  last in 1月, 2月, 4月 → 约谈 (1月–2月 in a row) and 书面报告 (3 times)
 *     中山街道  last in 3月, 4月      → 约谈
 *     南湖街道  last in 1月, 3月      → nothing (not in a row, twice only)
 *     西城街道  last in 2月           → nothing
 *   区直单位 (3 units; places 2 and 3)
 *     区卫健委党组  last in 1月, 2月, 3月 → 约谈 and 书面报告
 *     区教育局党委  last in 1月, 3月, 4月 (tied 2nd) → 约谈 (3月–4月) and 书面报告
 *     区财政局党组  last in 2月, 4月 (tied 2nd) → nothing
 *   北山街道 has a 否决性过错 in 3月: ranked, but barred from 先进.
 */
import ExcelJS from 'exceljs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

// unit, category, the total of each month (基层组织建设 is 36 of it, the rest 其他组织工作目标).
const UNITS = [
  ['东城街道', '街道', [90, 88, 92, 91]],
  ['西城街道', '街道', [85, 70, 80, 79]],
  ['南湖街道', '街道', [80, 86, 70, 81]],
  ['北山街道', '街道', [75, 72, 85, 70]],
  ['中山街道', '街道', [82, 90, 75, 72]],
  ['区财政局党组', '区直单位', [90, 80, 90, 86]],
  ['区教育局党委', '区直单位', [85, 88, 89, 86]],
  ['区卫健委党组', '区直单位', [80, 85, 70, 90]],
];
const REMARKS = { 北山街道: { 2: '否决性过错：发生违反组织人事纪律问题' } };
const JICENG = 36;

export async function buildOrgsExample(file) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'kaohe';
  wb.created = new Date(Date.UTC(2026, 4, 10));
  wb.modified = wb.created;
  for (let m = 0; m < 4; m++) {
    const ws = wb.addWorksheet(`${m + 1}月`);
    ws.addRow([`2014年${m + 1}月组织工作目标考核评分汇总表`]);
    ws.mergeCells(1, 1, 1, 8);
    ws.addRow(['序号', '单位名称', '类别', '基层组织建设（40分）', '其他组织工作目标（60分）', '总分', '排名', '过错情况']);
    UNITS.forEach(([name, category, totals], i) => {
      ws.addRow([i + 1, name, category, JICENG, totals[m] - JICENG, null, null, REMARKS[name]?.[m] ?? null]);
    });
    [5, 16, 10, 12, 14, 8, 6, 30].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  }
  await wb.xlsx.writeFile(file);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildOrgsExample(process.argv[2] ?? join(here, 'qu-zuzhi-2014-months.xlsx'));
}
