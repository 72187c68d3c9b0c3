/** The words of the folder check (`kaohe check <folder|workbook>…`): its table, totals, what to fix first, its progress line. */
import type { SchemeSource } from '../app';
import { type Locale, reportRuleName } from '../engine';
import type { SummaryBookWords } from '../hosts/file/summary-book';

const zh = {
  cols: ['文件', '工作表', '单位', '方案', '人数', '定等次', '最高等次', '错误', '警告'],
  source: { argument: '指定', workbook: '表中保存', preset: '按表头', inferred: '按本表推断' } as Record<SchemeSource, string>,
  top: (grade: string, count: number, limit: number | null, over: boolean) =>
    limit === null ? `${grade} ${count}` : `${grade} ${count}/${limit}${over ? ' 超出' : ''}`,
  heading: (files: number, sheets: number) => `共检查 ${files} 个文件、${sheets} 张工作表`,
  unreadable: '无法检查：',
  uncheckedLine: (file: string, sheet: string, why: string) => `  ${file} · ${sheet}：${why}`,
  totals: (t: Totals) =>
    `合计：文件 ${t.files} 个（无法读取 ${t.unreadable} 个），工作表 ${t.sheets} 张（未能检查 ${t.unchecked} 张），` +
    `人员 ${t.people} 人，错误 ${t.errors} 个，警告 ${t.warnings} 个；最高等次超出名额的工作表 ${t.over} 张`,
  firstHeading: '先处理这些：',
  first: {
    unreadable: (file: string, why: string) => `${file} 无法读取：${why}`,
    unchecked: (at: string, why: string) => `${at} 未能检查：${why}`,
    over: (at: string, grade: string, count: number, limit: number) =>
      `${at}：${grade} ${count} 人，超出名额 ${limit} 人 ${count - limit} 人`,
    errors: (at: string, n: number) => `${at}：${n} 个错误`,
  },
  more: (n: number) => `……另有 ${n} 项，见上表`,
  allFine: (sheets: number) => `${sheets} 张工作表都没有发现错误，名额都在限额内。`,
  progress: (done: number, total: number, file: string, left: string | null) =>
    `已检查 ${done}/${total} 个文件${left ? `，约剩 ${left}` : ''}：${file}`,
  seconds: (s: number) => (s < 60 ? `${s} 秒` : `${Math.ceil(s / 60)} 分钟`),
  interrupted: (done: number, total: number) => `已中断：检查了 ${total} 个文件中的 ${done} 个，以上是已检查文件的结果`,
  noFiles: (paths: string[]) => `${paths.join('、')} 中没有 Excel 工作簿（.xlsx、.xlsm、.xls）`,
  tooManyFiles: (n: number, max: number) => `要检查的工作簿超过 ${max} 个（已找到 ${n} 个）：请分批检查`,
  badJobs: (v: string) => `--jobs 应为 1 到 64 的整数，而不是“${v}”`,
  onlyCheck: '一次处理多个文件或文件夹只用于 check 和 grade（grade 用 --out-dir 指定副本的文件夹）',
  needOutDir: '为文件夹或多个工作簿写副本时，请用 --out-dir 指定副本放在哪个文件夹：kaohe grade <文件夹> --out-dir <副本文件夹>',
  outDirInside: (out: string, input: string) => `副本文件夹 ${out} 不能在要处理的文件夹 ${input} 里面：下次检查会把副本当成新的报表`,
  sameCopy: '有两个工作簿的副本会同名（如 表.xls 和 表.xlsx）：请分开处理',
  gradeCols: ['文件', '副本', '结果'],
  gradedLine: (sheet: string, people: number, errors: number, hidden: number[] = []) =>
    `已写入“${sheet}”，${people} 人${errors > 0 ? `，${errors} 个错误（见汇总表的问题清单）` : ''}${hidden.length > 0 ? `，第 ${hidden.join('、')} 行被隐藏或筛选掉，未写入` : ''}`,
  gradedHeading: (done: number, total: number, dir: string) => `${total} 个工作簿中 ${done} 个已写入副本，放在 ${dir}（原文件不变）`,
  workerGone: '检查这个文件的进程意外退出（可能是内存不足）：请单独检查这个文件',
  wroteBook: (file: string) => `汇总表已写入 ${file}（汇总、问题清单、图表三张工作表）`,
  book: {
    summarySheet: '汇总',
    issuesSheet: '问题清单',
    chartSheet: '图表',
    chartTitle: '各单位最高等次占比与上限',
    title: '平时考核检查汇总',
    subtitle: (files, sheets, when) => `共 ${files} 个文件、${sheets} 张工作表；考核助手检查于 ${when}`,
    summaryCols: [
      '序号',
      '单位',
      '期间（工作表）',
      '文件',
      '方案',
      '人数',
      '定等次',
      '最高等次',
      '人数',
      '占比',
      '上限',
      '上限占比',
      '与上限比',
      '错误',
      '警告',
      '问题',
      '说明',
    ],
    issueCols: ['序号', '单位', '文件', '工作表', '单元格', '人员', '规则', '级别', '问题', '怎么改'],
    severity: { error: '错误', warning: '警告', info: '提示' },
    unreadable: '无法读取',
    unchecked: '未能检查',
    noUnit: '—',
    margin: (count, limit) => (limit === null ? '无名额限制' : count > limit ? `超出 ${count - limit} 人` : `余 ${limit - count} 人`),
    link: (n) => `${n} 个问题`,
    none: '无',
    ruleName: (rule) => reportRuleName(rule, 'zh'),
  } as SummaryBookWords,
  noSheetInBatch: '检查多个文件时不能用 --sheet：每个文件的每张考核表都会检查',
};

type Words = typeof zh;

const en: Words = {
  cols: ['File', 'Sheet', 'Unit', 'Scheme', 'People', 'Graded', 'Top grade', 'Errors', 'Warnings'],
  source: { argument: 'given', workbook: 'saved', preset: 'headers', inferred: 'inferred' },
  top: (grade, count, limit, over) => (limit === null ? `${grade} ${count}` : `${grade} ${count}/${limit}${over ? ' over' : ''}`),
  heading: (files, sheets) => `Checked ${files} file(s), ${sheets} sheet(s)`,
  unreadable: 'Could not check:',
  uncheckedLine: (file, sheet, why) => `  ${file} · ${sheet}: ${why}`,
  totals: (t) =>
    `Totals: ${t.files} file(s) (${t.unreadable} unreadable), ${t.sheets} sheet(s) (${t.unchecked} not checked), ` +
    `${t.people} people, ${t.errors} error(s), ${t.warnings} warning(s); ${t.over} sheet(s) over the top grade's quota`,
  firstHeading: 'Deal with these first:',
  first: {
    unreadable: (file, why) => `${file} cannot be read: ${why}`,
    unchecked: (at, why) => `${at} not checked: ${why}`,
    over: (at, grade, count, limit) => `${at}: ${grade} ${count}, ${count - limit} over the quota of ${limit}`,
    errors: (at, n) => `${at}: ${n} error(s)`,
  },
  more: (n) => `…and ${n} more, see the table above`,
  allFine: (sheets) => `No errors on the ${sheets} sheet(s), and every quota is kept.`,
  progress: (done, total, file, left) => `Checked ${done}/${total} files${left ? `, about ${left} left` : ''}: ${file}`,
  seconds: (s) => (s < 60 ? `${s} s` : `${Math.ceil(s / 60)} min`),
  interrupted: (done, total) => `Interrupted: ${done} of ${total} files checked; the results above are theirs`,
  noFiles: (paths) => `No Excel workbooks (.xlsx, .xlsm, .xls) in ${paths.join(', ')}`,
  tooManyFiles: (n, max) => `More than ${max} workbooks to check (${n} found): check them in parts`,
  badJobs: (v) => `--jobs must be a whole number from 1 to 64, not "${v}"`,
  onlyCheck: 'Several files or folders at once are for check and grade (grade with --out-dir for the copies)',
  needOutDir:
    'To grade a folder or several workbooks, name the folder for the copies with --out-dir: kaohe grade <folder> --out-dir <copies>',
  outDirInside: (out, input) =>
    `The copies' folder ${out} cannot be inside the folder processed, ${input}: the next check would read the copies as new sheets`,
  sameCopy: 'Two workbooks would have copies of the same name (such as 表.xls and 表.xlsx): process them apart',
  gradeCols: ['File', 'Copy', 'Result'],
  gradedLine: (sheet, people, errors, hidden = []) =>
    `wrote "${sheet}", ${people} people${errors > 0 ? `, ${errors} error(s) (see the summary's issues)` : ''}${hidden.length > 0 ? `, rows ${hidden.join(', ')} hidden or filtered out and not written` : ''}`,
  gradedHeading: (done, total, dir) => `${done} of ${total} workbooks graded into copies in ${dir} (the inputs are unchanged)`,
  workerGone: 'The process checking this file ended unexpectedly (perhaps out of memory): check this file on its own',
  wroteBook: (file) => `Summary written to ${file} (sheets 汇总, 问题清单 and 图表: summary, issues, chart)`,
  book: {
    summarySheet: 'Summary',
    issuesSheet: 'Issues',
    chartSheet: 'Chart',
    chartTitle: "Each unit's top grade share against its limit",
    title: 'Appraisal check summary',
    subtitle: (files, sheets, when) => `${files} file(s), ${sheets} sheet(s); checked by kaohe on ${when}`,
    summaryCols: [
      'No.',
      'Unit',
      'Period (sheet)',
      'File',
      'Scheme',
      'People',
      'Graded',
      'Top grade',
      'Count',
      'Share',
      'Limit',
      'Limit share',
      'Against limit',
      'Errors',
      'Warnings',
      'Issues',
      'Note',
    ],
    issueCols: ['No.', 'Unit', 'File', 'Sheet', 'Cell', 'Person', 'Rule', 'Level', 'Issue', 'What to do'],
    severity: { error: 'error', warning: 'warning', info: 'note' },
    unreadable: 'Cannot be read',
    unchecked: 'Not checked',
    noUnit: '—',
    margin: (count, limit) => (limit === null ? 'no limit' : count > limit ? `${count - limit} over` : `${limit - count} to spare`),
    link: (n) => `${n} issue(s)`,
    none: 'none',
    ruleName: (rule) => reportRuleName(rule, 'en'),
  },
  noSheetInBatch: '--sheet cannot be used with several files: every roster sheet of every file is checked',
};

export interface Totals {
  files: number;
  unreadable: number;
  sheets: number;
  unchecked: number;
  people: number;
  errors: number;
  warnings: number;
  over: number;
}

export type BatchWords = Words;

export function batchWords(locale: Locale): BatchWords {
  return locale === 'en' ? en : zh;
}
