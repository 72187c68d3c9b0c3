/** The words of 检查全部工作表 (views/AllSheets), loaded with its chunk; the form it adds is in Chinese, as the other forms. */
import type { SchemeSource } from '../../app';
import type { Locale } from '../../engine';

const zh = {
  button: '检查全部工作表',
  heading: (checked: number, unchecked: number, over: number) =>
    `共 ${checked + unchecked} 张考核表：检查了 ${checked} 张${unchecked > 0 ? `，${unchecked} 张未能检查` : ''}；最高等次超出名额的 ${over} 张`,
  only: '本工作簿只有这一张考核表：结果就是上面的检查。',
  go: (sheet: string) => `转到“${sheet}”`,
  unit: (unit: string) => `单位：${unit}`,
  scheme: (name: string, source: SchemeSource) =>
    `方案：${name}（${{ argument: '在窗格中选定', workbook: '工作簿中保存', preset: '按表头识别', inferred: '按本表推断' }[source]}）`,
  people: (people: number, graded: number) => `人数 ${people}，定等次 ${graded}`,
  top: (grade: string, count: number, limit: number | null) =>
    limit === null
      ? `${grade} ${count} 人（无名额限制）`
      : count > limit
        ? `${grade} ${count} 人，上限 ${limit} 人：超出 ${count - limit} 人`
        : `${grade} ${count} 人，上限 ${limit} 人`,
  issues: (errors: number, warnings: number) => (errors + warnings === 0 ? '没有错误和警告' : `错误 ${errors} 个，警告 ${warnings} 个`),
  unchecked: '未能检查：',
  add: '生成汇总表',
  remove: '删除生成的汇总表',
  added: (name: string) => `已新增工作表“${name}”（各表一行，附占比与上限的图表）。可点“删除生成的汇总表”撤销。`,
  removed: (n: number): string => (n > 0 ? '已删除生成的汇总表，工作簿恢复原样' : '生成的汇总表已不在工作簿中'),
  noRoster: '本工作簿中没有一张能识别出花名册的工作表。',
};

export type AllSheetsWords = typeof zh;

const en: AllSheetsWords = {
  button: 'Check all sheets',
  heading: (checked, unchecked, over) =>
    `${checked + unchecked} appraisal sheet(s): ${checked} checked${unchecked > 0 ? `, ${unchecked} not checked` : ''}; ${over} over the top grade's quota`,
  only: 'This workbook has only this appraisal sheet: its check is the one above.',
  go: (sheet) => `Go to "${sheet}"`,
  unit: (unit) => `Unit: ${unit}`,
  scheme: (name, source) =>
    `Scheme: ${name} (${{ argument: 'chosen in the pane', workbook: 'saved in the workbook', preset: 'recognised from the headers', inferred: 'inferred from the sheet' }[source]})`,
  people: (people, graded) => `${people} people, ${graded} graded`,
  top: (grade, count, limit) =>
    limit === null
      ? `${grade}: ${count} (no quota)`
      : count > limit
        ? `${grade}: ${count}, limit ${limit}: ${count - limit} over`
        : `${grade}: ${count}, limit ${limit}`,
  issues: (errors, warnings) => (errors + warnings === 0 ? 'No errors or warnings' : `${errors} error(s), ${warnings} warning(s)`),
  unchecked: 'Not checked: ',
  add: 'Add a summary sheet',
  remove: 'Delete the summary sheet',
  added: (name) =>
    `Added the sheet "${name}" (a row per sheet, with a chart of the shares against the limits). "Delete the summary sheet" undoes it.`,
  removed: (n) => (n > 0 ? 'Deleted the summary sheet: the workbook is as it was' : 'The summary sheet is no longer in the workbook'),
  noRoster: 'No sheet of this workbook holds a roster kaohe can read.',
};

export function allSheetsWords(locale: Locale): AllSheetsWords {
  return locale === 'en' ? en : zh;
}
