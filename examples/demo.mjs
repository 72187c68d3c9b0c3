#!/usr/bin/env node
/**
 * `npm run demo`: runs kaohe on the bundled example (examples/gwy-2020-q1.xlsx) and explains
 * what it found. The example holds real mistakes on purpose, so the check reports errors;
 * the demo itself succeeds when kaohe ran.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const example = relative(process.cwd(), join(root, 'examples', 'gwy-2020-q1.xlsx')) || 'examples/gwy-2020-q1.xlsx';
const kaohe = (...args) => spawnSync(process.execPath, [join(root, 'src', 'cli', 'launch.mjs'), ...args], { encoding: 'utf8' });

const line = '─'.repeat(72);
console.log(`考核助手 · 示例
${line}
示例工作簿：${example}
一张县财政局第一季度的平时考核表（全国模板 gwy-2020：德能勤绩廉 17 项、加减分、合计、等次），
表头两行、“德（20分）”合并在各分项之上，中间有空行，底部有合计、平均分和填表人。
表里故意留着秘书常犯的错误。下面是命令

  npm run --silent kaohe -- check ${example}

的输出：
${line}`);

const check = kaohe('check', example);
if (check.status === 2 || check.error) {
  console.error(check.stderr || String(check.error));
  process.exit(2);
}
process.stdout.write(check.stdout);

const report = JSON.parse(kaohe('check', example, '--json').stdout);
const errors = report.issues.filter((i) => i.severity === 'error').length;
const warnings = report.issues.filter((i) => i.severity === 'warning').length;
const over = report.quota.find((q) => q.severity !== 'ok');

console.log(`${line}
怎么读这份结果：
  · 共 ${report.summary.people} 人，定等次 ${report.summary.graded} 人；试用期、病事假超过一半的人只写评语、不定等次，
    调出的人和派驻在外的人不参加本单位考核，也不计入“好”等次名额的基数。
  · 发现 ${errors} 个错误、${warnings} 个警告，每一条都写明单元格和处理办法（例如 E10 的 6.5 分超过满分 6 分）。
  · 加分超过 5 分的按 5 分计入总分；“12.5分”“４”这样以文本保存的数字照常计算，但提醒改成数值。${
    over
      ? `
  · “${over.grade}”等次 ${over.count} 人，超过名额 ${over.limit} 人（${over.base} 人 × ${Math.round(over.share * 100)}%，向下取整）。
    名单按总分排序并标出分界线和同分者——由考核小组决定谁调整，工具不替您选择。`
      : ''
  }
退出码 ${check.status}：有错误级别的问题时为 1（可用于批量检查脚本）。
英文输出：npm run --silent kaohe -- check ${example} --lang en
JSON 报告：npm run --silent kaohe -- check ${example} --json`);

// A graded copy, with live formulas: the original stays as it is.
const outDir = join(root, 'examples', 'output');
mkdirSync(outDir, { recursive: true });
const out = relative(process.cwd(), join(outDir, 'gwy-2020-q1-已定等次.xlsx'));
const graded = kaohe('grade', example, '--out', out, '--formulas', '--force', '--json'); // the demo's own copy, made again each run
if (graded.status === 2 || graded.error) {
  console.error(graded.stderr || String(graded.error));
  process.exit(2);
}
const written = JSON.parse(graded.stdout).output;
console.log(`${line}
已写好定等次的副本：${out}
  命令：npm run --silent kaohe -- grade ${example} --out ${out} --formulas --force   （--force：替换已有的副本）
  · 写入合计 ${written.totals} 格、等次 ${written.grades} 格，其中 ${written.formulas} 格是公式：改动分数后，表格自己重算总分和等次。
  · 原来写错的 ${written.overwritten.map((o) => o.cell).join('、')} 已改正；有问题的 ${written.marked} 个单元格标了底色，批注里写着规则和处理办法。
  · 分数有误、暂不能计算的人（${written.skipped.map((k) => k.name).join('、') || '无'}）没有写入，请先改正分数。
  · 原文件 ${example} 没有任何改动。`);
