#!/usr/bin/env node
/**
 * Builds examples/gwy-2020-q1.xlsx, the workbook `npm run demo` checks: a county finance
 * bureau's first-quarter sheet as a secretary keeps it (title, 填报单位, a two-row header with
 * 德（20分） merged over its items, a blank line, 合计 and 平均分 rows), with the mistakes such
 * sheets really carry. Run it again after changing the data: node examples/build-example.mjs
 * (a test checks that the committed workbook is what this script builds).
 *
 * The mistakes, and what kaohe should say:
 *   杨帆   思想政治素质 6.5 > 6                        out-of-range
 *   赵磊   88.5 written as 好                           grade-mismatch (较好)
 *   黄丽   工作负荷 "12.5分" typed as text                number-as-text
 *   周杰   加分 6 > cap 5; total added by hand as 85     out-of-range, total-mismatch (84)
 *   朱琳   出勤情况 #N/A (a VLOOKUP); 遵章守纪 full-width ４ not-a-number, number-as-text
 *   6 people at 好 of 12 graded: 40% → 4               quota-exceeded, tie at 91 on the cut line
 *   徐涛 试用期, 孙晓 病假32天+事假18天 > 45.5          ungraded
 *   胡斌 派驻第一书记 (好 from the receiving unit)      excluded, listed apart
 *   郭亮 调出                                           excluded
 */
import ExcelJS from 'exceljs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

const DIMS = [
  ['德（20分）', ['思想政治素质（6分）', '职业道德（4分）', '社会公德（6分）', '家庭美德（4分）']],
  ['能（20分）', ['岗位执行能力（5分）', '综合业务能力（6分）', '开拓创新能力（5分）', '沟通协作能力（4分）']],
  ['勤（15分）', ['工作责任心（5分）', '工作作风（5分）', '出勤情况（5分）']],
  ['绩（35分）', ['工作负荷（15分）', '工作效率（10分）', '工作成效（10分）']],
  ['廉（10分）', ['遵章守纪情况（4分）', '艰苦奋斗勤俭节约情况（3分）', '日常信访举报情况（3分）']],
];

// name, unit, post, 17 item scores, 加分, 减分, 合计 (as typed by hand), 等次 (as typed), 备注
const PEOPLE = [
  [
    '王建国',
    '办公室',
    '主任',
    [6, 4, 6, 4, 5, 6, 5, 3.5, 4.5, 4.5, 4.5, 13.5, 9, 9, 3.5, 2.5, 2.5],
    2,
    null,
    95,
    '好',
    '牵头完成年度预算编制，加2分',
  ],
  ['李秀英', '办公室', '科员', [5.5, 4, 5.5, 4, 5, 5.5, 5, 3.5, 4.5, 4.5, 4.5, 13.5, 9, 9, 3.5, 2.5, 2.5], null, null, 91.5, '好', null],
  ['张伟', '预算股', '股长', [5.5, 4, 5.5, 4, 5, 5.5, 4.5, 3.5, 4.5, 4.5, 4.5, 13.5, 9, 9, 3.5, 2.5, 2.5], null, null, 91, null, null],
  ['刘洋', '预算股', '科员', [5.5, 4, 5.5, 4, 5, 5.5, 4.5, 3.5, 4.5, 4.5, 4.5, 13.5, 9, 9, 3.5, 2.5, 2.5], null, null, null, null, null],
  ['陈静', '国库股', '股长', [5.5, 4, 5.5, 4, 4.5, 5, 4.5, 3.5, 4.5, 4.5, 4.5, 13.5, 9, 9, 3.5, 2.5, 2.5], null, null, null, null, null],
  ['杨帆', '国库股', '科员', [6.5, 4, 6, 4, 5, 6, 5, 4, 4.5, 4.5, 4.5, 14, 9.5, 9.5, 3.5, 2.5, 2.5], null, null, null, null, null],
  ['赵磊', '综合股', '科员', [5.5, 4, 5.5, 4, 4.5, 5.5, 4.5, 4, 4.5, 4, 4, 13, 8.5, 8.5, 3.5, 2.5, 2.5], null, null, 88.5, '好', null],
  ['黄丽', '综合股', '科员', [5.5, 3.5, 5.5, 3.5, 4.5, 5.5, 4.5, 3, 4, 4, 4, '12.5分', 8, 8, 3, 2.5, 2.5], null, null, null, null, null],
  null, // a line the secretary left empty
  ['周杰', '办公室', '科员', [5, 3.5, 5, 3.5, 4, 5, 4, 3.5, 4, 4, 4, 11.5, 7.5, 7.5, 3, 2, 2], 6, null, 85, null, '抗洪抢险值守，加6分'],
  ['吴敏', '预算股', '科员', [4.5, 3, 4.5, 3, 4, 4.5, 4, 3, 4, 3.5, 3.5, 10.5, 7, 7, 2.5, 2, 2], null, null, null, null, null],
  [
    '徐涛',
    '国库股',
    '科员',
    [5.5, 3.5, 5.5, 3.5, 4.5, 5.5, 4.5, 3.5, 4.5, 4, 4, 12.5, 8.5, 8.5, 3, 2.5, 2.5],
    null,
    null,
    null,
    null,
    '2025年12月新录用，试用期',
  ],
  ['孙晓', '综合股', '科员', [5, 3.5, 5, 3.5, 4.5, 4.5, 4, 3, 4, 4, 4, 12, 8, 8, 3, 2, 2], null, null, null, null, '病假32天，事假18天'],
  [
    '马超',
    '办公室',
    '科员',
    [3.5, 2.5, 3.5, 2.5, 3, 3.5, 3, 2.5, 3, 3, 3, 9, 5.5, 5.5, 2, 1.5, 1.5],
    null,
    2,
    null,
    null,
    '工作失误被通报批评，减2分',
  ],
  [
    '胡斌',
    '综合股',
    '科员',
    [5, 3.5, 5, 3.5, 4.5, 5, 4.5, 3.5, 4.5, 4.5, 4.5, 12, 8, 8, 3, 2, 2],
    null,
    null,
    null,
    '好',
    '派驻城关村任第一书记，由接收单位考核',
  ],
  [
    '朱琳',
    '预算股',
    '科员',
    [5.5, 3.5, 5.5, 3.5, 4.5, 5.5, 4.5, 3.5, 4.5, 4.5, '#N/A', 13, 8.5, 8.5, '４', 2.5, 2.5],
    null,
    null,
    null,
    null,
    null,
  ],
  [
    '郭亮',
    '国库股',
    '科员',
    [null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
    null,
    null,
    null,
    null,
    '2026年2月调出',
  ],
];

const thin = { style: 'thin', color: { argb: 'FF808080' } };
const box = { top: thin, left: thin, bottom: thin, right: thin };

export async function buildExample(file) {
  const wb = new ExcelJS.Workbook();
  wb.creator = '考核助手示例';
  const ws = wb.addWorksheet('第一季度', {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const items = DIMS.flatMap(([, xs]) => xs);
  const width = 3 + items.length + 5 + 1;
  const last = (n) => ws.getColumn(n).letter;

  ws.mergeCells(1, 1, 1, width);
  ws.getCell(1, 1).value = 'XX县财政局2026年第一季度公务员平时考核量化评分表';
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.getCell(2, 1).value = '填报单位：XX县财政局（盖章）';
  ws.getCell(2, 14).value = '填报时间：2026年4月8日';

  const lead = ['序号', '姓名', '科室', '职务'];
  lead.forEach((t, i) => {
    ws.mergeCells(3, i + 1, 4, i + 1);
    ws.getCell(3, i + 1).value = t;
  });
  let c = lead.length + 1;
  for (const [dim, subs] of DIMS) {
    ws.mergeCells(3, c, 3, c + subs.length - 1);
    ws.getCell(3, c).value = dim;
    subs.forEach((s, i) => (ws.getCell(4, c + i).value = s));
    c += subs.length;
  }
  const tail = ['加分（≤5分）', '减分（≤5分）', '合计', '等次', '备注'];
  tail.forEach((t, i) => {
    ws.mergeCells(3, c + i, 4, c + i);
    ws.getCell(3, c + i).value = t;
  });
  const firstItem = lead.length + 1;
  const totalCol = c + 2;

  let r = 5;
  let seq = 1;
  for (const p of PEOPLE) {
    if (p === null) {
      r++;
      continue;
    }
    const [name, unit, post, scores, plus, minus, total, grade, remark] = p;
    ws.getCell(r, 1).value = seq++;
    ws.getCell(r, 2).value = name;
    ws.getCell(r, 3).value = unit;
    ws.getCell(r, 4).value = post;
    scores.forEach((v, i) => {
      const cell = ws.getCell(r, firstItem + i);
      if (v === '#N/A') cell.value = { formula: 'VLOOKUP(B' + r + ',考勤!A:C,3,FALSE)', result: { error: '#N/A' } };
      else cell.value = v;
    });
    ws.getCell(r, c).value = plus;
    ws.getCell(r, c + 1).value = minus;
    ws.getCell(r, c + 2).value = total;
    ws.getCell(r, c + 3).value = grade;
    ws.getCell(r, c + 4).value = remark;
    r++;
  }
  const lastPerson = r - 1;
  ws.getCell(r, 2).value = '合计';
  ws.getCell(r, totalCol).value = { formula: `SUM(${last(totalCol)}5:${last(totalCol)}${lastPerson})`, result: 451 };
  ws.getCell(r + 1, 2).value = '平均分';
  ws.getCell(r + 1, totalCol).value = { formula: `AVERAGE(${last(totalCol)}5:${last(totalCol)}${lastPerson})`, result: 90.2 };
  ws.getCell(r + 3, 1).value = '填表人：刘芳        审核人：王建国        分管领导：';

  for (let row = 3; row <= r + 1; row++) {
    for (let col = 1; col <= width - 1; col++) {
      const cell = ws.getCell(row, col);
      cell.border = box;
      cell.alignment = { vertical: 'middle', horizontal: col === width - 1 ? 'left' : 'center', wrapText: row <= 4 };
      if (row <= 4) cell.font = { bold: true };
    }
  }
  ws.getRow(4).height = 42;
  ws.getColumn(1).width = 5;
  ws.getColumn(2).width = 9;
  ws.getColumn(3).width = 9;
  ws.getColumn(4).width = 7;
  for (let col = firstItem; col < c; col++) ws.getColumn(col).width = 7.5;
  ws.getColumn(c).width = 8;
  ws.getColumn(c + 1).width = 8;
  ws.getColumn(c + 2).width = 7;
  ws.getColumn(c + 3).width = 6;
  ws.getColumn(c + 4).width = 34;
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 4 }];
  await wb.xlsx.writeFile(file);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2] ?? join(here, 'gwy-2020-q1.xlsx');
  await buildExample(file);
  console.log(`wrote ${file}`);
}
