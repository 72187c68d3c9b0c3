/**
 * The words the Office entry points share — the task pane and the ribbon's one-click command:
 * what the host's refusals mean, the sheet without a roster, and failures. Simplified Chinese
 * first, English when Office runs in English.
 */
import type { FormProblem, Locale } from '../engine';
import { HostError, type HostProblem, type ValuesInTables } from '../hosts/host';

/** At most this many sheet names in a line; then 等 N 张. */
const LISTED = 8;
export const listed = (names: string[], sep: string, more: (n: number) => string) =>
  names.length <= LISTED ? names.join(sep) : `${names.slice(0, LISTED).join(sep)}${more(names.length)}`;

export const zhAppWords = {
  sheet: (s: string) => `工作表：${s}`,
  /** A workbook of per-person forms that cannot be checked as read: one line. */
  forms: (unread: { sheet: string; problem: FormProblem }[], people: string[], partial: boolean) => {
    const held =
      people.length === 0
        ? '没有'
        : listed(
            people.map((p) => `“${p}”`),
            '、',
            (n) => ` 等 ${n} 张`,
          );
    if (partial)
      return `这是公务员平时考核登记表（一人一表，有人员的工作表：${held}）：名额要按整个工作簿的登记表核对，而这里只读了当前这一张，所以不逐人检查。整本登记表可用考核助手的命令行工具检查（请信息管理员协助）。`;
    const why = { 'no-name': '没有填写姓名', 'several-names': '一张表上有几个人的姓名' } satisfies Record<FormProblem, string>;
    const bad = listed(
      unread.map((u) => `“${u.sheet}”（${why[u.problem]}）`),
      '、',
      (n) => ` 等 ${n} 张`,
    );
    return `本工作簿是公务员平时考核登记表（一人一表），${unread.length} 张读不出人员：${bad}；有人员的工作表：${held}。请在“姓名”栏填写姓名（每表一人）后再检查——名额按全部登记表的人员核对，少一人就不准。`;
  },
  noRoster: (sheet: string) =>
    `工作表“${sheet}”中找不到花名册：需要一行含“姓名”的表头，以及方案中的分数列或等次列。请切换到考核表所在的工作表，或换用其他方案。`,
  noPeople: '表头下面没有人员。',
  /** After a write in which formulas fell in an Excel table's columns and were written as values (ValuesInTables). */
  asValuesInTables: (v: ValuesInTables) =>
    `其中 ${v.cells} 格在表格“${v.tables.join('”“')}”里，写入的是数值而不是公式：公式写进表格的列会填满整列，连不写入的人也会填上。改分后请重新计算。`,
  nothingToWrite: {
    'entered-grades': '本方案的等次由表中填写，没有需要写入的内容',
    'grades-only': '表中只有等次、没有分数：没有需要写入的总分或等次',
  },
  problems: {
    protected: '工作表受保护，无法写入：请在“审阅”中撤销工作表保护后再试。表格没有任何改动。',
    stale: '表格在检查之后有改动：请重新检查，确认后再写入。表格没有任何改动。',
    'changed-after-apply': '写入之后表格又有改动，撤销会覆盖这些改动：请用 Excel 的撤销（Ctrl+Z）。',
    'payload-too-large': '表格太大，一次读不完（Excel 网页版单次 5 MB 的限制）：请在桌面版 Excel 中使用，或把表格拆成几张工作表。',
    'partial-write': '写入中断，部分单元格可能已写入：请按 Ctrl+Z 撤销，或重新检查核对。',
    merged: 'Excel 拒绝写入：要写的单元格在合并单元格中。请取消这些单元格的合并，或换一列写入后再试。',
    array: 'Excel 拒绝写入：要写的单元格属于数组公式，不能只改其中一部分。请先删除该数组公式后再试。',
    table: 'Excel 拒绝写入：要写的单元格在表格（或数据透视表）中，不能这样改动。请先将表格“转换为区域”后再试。',
    filtered: 'Excel 拒绝写入：工作表处于筛选状态。请在“数据”中清除筛选、显示全部行后再试。',
    'cell-edit': 'Excel 正在编辑单元格：请先按 Enter 或 Esc 结束单元格编辑，再点一次。',
    'hidden-rows': '有行被隐藏或筛选掉，考核助手不写看不见的行：请先取消筛选、显示全部行，重新检查后再写入。表格没有任何改动。涉及的行：',
    'hidden-cell': '已选中该单元格，但它所在的行被隐藏或筛选掉了，看不到：请取消筛选或取消隐藏后再看。行：',
    'table-grows':
      'Excel 会把紧挨着表格写入的单元格并入表格，使表格变大；此版本的 Excel 无法把表格恢复原样，撤销也不能复原，所以没有写入任何内容。请在表格右侧紧挨着的表头单元格里键入要新加的列名（如“合计”“等次”，表格会把这些列并入），或把表格“转换为区域”，重新检查后再写入。涉及的表格：',
    failed: '操作没有完成：',
  } satisfies Record<HostProblem, string>,
  unexpected: '出现意外错误：',
};

export type AppWords = typeof zhAppWords;

/** English, added where it is needed (./english.ts): until then an English request gets the Chinese words. */
let english: AppWords | null = null;
export function addAppEnglish(words: AppWords): void {
  english = words;
}

export function appWords(locale: Locale): AppWords {
  return locale === 'en' && english ? english : zhAppWords;
}

/** A failure in words: the host's refusal as the user can act on it, anything else as unexpected. */
export function problemText(e: unknown, locale: Locale): string {
  const w = appWords(locale);
  if (e instanceof HostError)
    return e.problem === 'failed' || e.problem === 'hidden-rows' || e.problem === 'hidden-cell' || e.problem === 'table-grows'
      ? w.problems[e.problem] + e.detail
      : w.problems[e.problem];
  return w.unexpected + (e instanceof Error ? e.message : String(e));
}
