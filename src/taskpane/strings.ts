/** The task pane's words, Simplified Chinese first, English when Office runs in English. */
import type { Locale } from '../engine';
import { appWords, zhAppWords } from '../app/words';
import type { ValuesInTables } from '../hosts/host';

export const zhStrings = {
  ...appWords('zh'),
  appName: '考核助手',
  scheme: '考核方案',
  schemeFromFile: (f: string) => `（来自文件 ${f}）`,
  saveScheme: '保存到工作簿',
  trying: (id: string, score: string, e: number, w: number) =>
    `正在本表试用 ${id}（尚未保存）：相符度 ${score}，错误 ${e} 个、警告 ${w} 个。合适请点“保存到工作簿”。`,
  schemeLoaded: (id: string) => `已载入方案 ${id}，正在本表试用；合适请点“保存到工作簿”`,
  chooseScheme: '请在上方选择方案，或导入方案文件：本工具不替您猜。',
  schemeNone: '（没有相符的方案，请选择）',
  importScheme: '导入方案文件…',
  exportScheme: '导出方案',
  exportHere: '桌面版 Excel 不能下载文件：请用下面的“复制方案”把方案带到另一个工作簿，或用“生成方案说明表”把它放进本工作簿。',
  schemeImported: (id: string) => `已导入方案 ${id}，并保存到工作簿`,
  schemeSaved: '方案已保存到工作簿，下次打开时沿用',
  schemeBad: (m: string) => `无法导入这个方案文件：${m}。请选择考核助手导出或按说明编写的方案文件（.json）。`,
  tabs: {
    check: '检查',
    compute: '计算',
    quota: '名额',
    rank: '排名',
    columns: '列对应',
    annual: '年度汇总',
    people: '人员',
    scheme: '方案',
  },
  showScheme: '方案内容与修改',
  rankIntro: '按总分由高到低排名，各类别分开排；同分并列。点击单位名称可定位到该行。',
  rankNone: '没有可排名的单位（需要总分）',
  rankAll: '全部单位',
  rankGroup: (group: string, n: number) => `${group}（${n} 个单位）`,
  barred: '否决：不得评先进',
  check: '检查',
  recheck: '重新检查',
  /** 检查全部工作表's button: its view and words load when it is pressed (views/AllSheets). */
  allSheets: '检查全部工作表',
  reading: '正在读取表格…',
  summary: (n: number, g: number, u: number, x: number) => `${n} 人：定等次 ${g}，不定等次 ${u}，不参加 ${x}`,
  periodTable: '各期等次',
  periodName: '姓名',
  counts: (e: number, w: number) => (e + w === 0 ? '没有发现问题' : `错误 ${e} 个，警告 ${w} 个`),
  severityGroup: { error: '错误', warning: '警告', info: '提示' },
  issueHint: '点击一条问题，选中对应的单元格',
  mark: '在表格中标记问题',
  clearMarks: '清除标记',
  /** `notes`: whether Excel took notes too (ExcelApi 1.18); an older Excel gets the fill only. */
  marked: (n: number, notes: boolean) => `已标记 ${n} 个单元格（${notes ? '底色和批注' : '底色'}），可随时清除`,
  marksCleared: '标记已清除，单元格恢复原样',
  writeMode: '写入方式',
  values: '数值',
  formulas: '公式（改分后自动重算）',
  preview: '预览写入内容',
  previewTitle: '将要写入',
  previewCounts: (t: number, g: number, r = 0) => `合计 ${t} 格、等次 ${g} 格${r > 0 ? `、排名 ${r} 格` : ''}`,
  newColumn: (col: string, h: string) => `表中没有“${h}”列，将新增在 ${col} 列`,
  overwrite: (n: number) => `将改正原有不同的 ${n} 格：`,
  skipped: (name: string) => `${name}：分数有误或缺项，不写入`,
  skippedMerged: (name: string, cell: string) => `${name}：${cell} 是合并单元格，不写入；取消合并后再计算`,
  skippedKept: (name: string, cell: string) =>
    `${name}：${cell} 的等次与分数段不同，可能另有依据（直接定等次、一票否决等），保留原等次，请核实`,
  valuesInstead: (n: number) => `${n} 行有以文本保存的分数，改写数值`,
  hiddenNotWritten: (rows: number[], names: string[]) =>
    `第 ${rows.join('、')} 行${names.length > 0 ? `（${names.join('、')}）` : ''}被隐藏或筛选掉，不写入；取消筛选或取消隐藏后重新检查，才会写入`,
  nothingChanged: '总分和等次都已正确，无需写入',
  apply: '写入表格',
  /** After a write; `asValues`: formulas that went into an Excel table as values (the app's words say which). */
  applied: (n: number, undoGroup: boolean, asValues?: ValuesInTables) =>
    `已写入 ${n} 格。${undoGroup ? '可按 Ctrl+Z 一次撤销，或点“撤销”。' : '可点“撤销”恢复原样。'}${asValues ? zhAppWords.asValuesInTables(asValues) : ''}`,
  undo: '撤销上次写入',
  undone: '已撤销，写入的单元格恢复原样',
  stale: '表格在检查之后有改动，请重新检查后再写入',
  quotaNone: '本方案没有名额限制',
  quotaLine: (grade: string, scope: string, count: number, limit: number, kind: 'max' | 'min') =>
    `${scope}“${grade}”${count} 人，${kind === 'max' ? '名额' : '至少'} ${limit} 人`,
  quotaBase: (base: number, share: string | null, rounding: string) =>
    share === null ? '本表规定的人数' : `${base} 人 × ${share}，${rounding}`,
  rounding: { floor: '向下取整', ceil: '向上取整', round: '四舍五入' },
  quotaState: { ok: '符合', over: (n: number) => `超出 ${n} 人`, under: (n: number) => `不足 ${n} 人` },
  ranking: '按总分排序，分界处同分者由考核小组决定（本工具不替您选择）',
  cutLine: '名额分界线',
  tie: '同分',
  direct: '直接确定',
  columnsIntro: '自动识别的列对应如下。若有不对，选择正确的含义后保存，下次沿用。',
  column: '列',
  header: '表头',
  role: '识别为',
  roleNames: {
    ignored: '不使用',
    seq: '序号',
    name: '姓名',
    unit: '科室/单位',
    post: '职务',
    remark: '备注',
    status: '状态',
    total: '合计',
    grade: '等次',
    age: '年龄',
    education: '学历',
    category: '类别（排名分组）',
    rank: '排名',
  },
  saveColumns: '保存列对应',
  resetColumns: '恢复自动识别',
  columnsSaved: '列对应已保存到工作簿',
  columnMoved: (role: string, cols: string) => `“${role}”只能对应一列：原来的 ${cols} 列改为不使用`,
  annualIntro:
    '汇总本工作簿中各季度（第一季度、一季度、Q1 等）或各月（1月、一月等，按月考核的方案）的工作表，按方案的年度规则得出每人可评的最高年度等次或年度总分，并可生成汇总表。生成的汇总表是新增的工作表，已有内容不作改动。',
  rollUp: '汇总全年',
  noPeriods: '没有找到季度或月份工作表：工作表名称需含“第一季度”“一季度”“Q1”或“1月”“一月”等字样。',
  noAnnualRules: (id: string) => `方案 ${id} 没有年度规则，无法汇总全年：请选择含年度规则的方案。`,
  periodsFound: (list: string) => `已汇总：${list}`,
  annualSheetFound: (sheet: string) => `年度表：${sheet}`,
  yearSummary: (n: number, e: number, w: number) => `${n} 人；${e + w === 0 ? '没有发现问题' : `错误 ${e} 个，警告 ${w} 个`}`,
  yearColumns: {
    name: '姓名',
    periods: '各季度等次',
    best: '可评最高等次',
    flags: '提示',
    totals: '各期得分（排名）',
    annualTotal: '年度总分',
  },
  totalAndPlace: (total: string, place: number) => `${total}（第${place}名）`,
  scoresOnlyYear: '本方案只计分：列出各期得分（单位按类别排名），年度总分按方案的年度规则计算；月考核排名落后的约谈、书面报告见“提示”。',
  otherwise: '另行确定',
  // The year at 320 px and a year with periods missing (issue #17).
  yearState: { ungraded: '不定等次', excluded: '不参加', elsewhere: '在外考核', absent: '表中没有' },
  yearProposed: (grade: string) => `年度表拟定：${grade}`,
  yearBarred: '（超出可评等次，见下方错误）',
  yearPendingMark: '（待全年）',
  // The visible reference first (the button's name starts with its text), then what it does.
  yearGoTo: (name: string, at: string) => `${at} 在表格中选中${name}`,
  yearMore: (n: number, rest: number, units: boolean) =>
    units ? `再显示 ${n} 个单位（还有 ${rest} 个）` : `再显示 ${n} 人（还有 ${rest} 人）`,
  yearPending: (scoresOnly: boolean): string =>
    scoresOnly
      ? '下面的得分只是已有考核期的结果，不是全年结论。补齐各期工作表后再点“汇总全年”。'
      : '下面的“可评最高等次”只排除已有季度已能排除的等次，不是年度结论；要看全年的规则（如“全年均为好”“超过一半”）尚未适用。补齐各期工作表后再点“汇总全年”。',
  previewForms: '预览汇总表',
  formsTitle: '将新增以下工作表（A4 横向，一页打印）：',
  formLine: (sheet: string, rows: number) => `${sheet}：${rows} 行`,
  formChart: '附各季度等次分布图',
  addForms: '生成汇总表',
  formsAdded: (names: string) => `已新增工作表：${names}。可点“删除生成的汇总表”撤销。`,
  removeForms: '删除生成的汇总表',
  formsRemoved: (n: number) => (n > 0 ? `已删除生成的 ${n} 个汇总表，工作簿恢复原样` : '生成的汇总表已不在工作簿中'),
  close: '关闭',
  // The menu at the end of the tab row holding the tabs that do not fit (320 px); its button says which is open.
  moreTabs: '更多',
  // The first-run guide (issue #17): the three steps, one line each; the names are the tabs'.
  guideTitle: '三步用法',
  guideSteps: {
    check: '找出漏填、填错、超过满分的格，点一条即选中该格',
    compute: '算出总分和等次，先预览再写入，可撤销',
    quota: '看各等次人数是否超出规定比例',
  },
  guideSep: '：',
  guideDismiss: '知道了',
  guideOpen: '用法',
  language: 'zh-CN',
  // Issue 17: people first, the 人员 view, plain words.
  ruleId: (id: string) => `规则编号：${id}`,
  schemeLabel: (name: string, id: string) => `${name} · ${id}`,
  summaryUnits: (n: number, scored: number, x: number) => `${n} 个单位：计分 ${scored}，不参加考核 ${x}`,
  peopleIntro: '点击一人，即选中表格中该人所在的行。',
  unitsIntro: '点击一个单位，即选中表格中该单位所在的行。',
  filterName: '按姓名查找',
  filterUnitName: '按单位名称查找',
  filterStatus: '状态',
  statusFilter: { all: '全部', graded: '定等次', ungraded: '不定等次', excluded: '不参加', elsewhere: '在外考核', issues: '有问题' },
  statusCount: (label: string, n: number) => `${label}（${n}）`,
  shownOf: (shown: number, all: number, units: boolean) =>
    shown === all ? `共 ${all} ${units ? '个单位' : '人'}` : `显示 ${shown} ${units ? '个单位' : '人'}，共 ${all} ${units ? '个' : '人'}`,
  nobodyShown: '没有符合条件的人员',
  statusWord: { ungraded: '不定等次', excluded: '不参加', elsewhere: '在外考核' },
  noGrade: '未定',
  totalWord: '总分',
  personIssues: (n: number) => `${n} 个问题`,
  periodGrades: (list: string) => `各期：${list}`,
  previewPeople: (n: number, totals: number, grades: number, ranks: number, units: boolean) => {
    const u = units ? '个' : '人';
    const parts = [totals > 0 ? `总分 ${totals} ${u}` : '', grades > 0 ? `等次 ${grades} ${u}` : '', ranks > 0 ? `排名 ${ranks} ${u}` : ''];
    return `将写入 ${n} ${units ? '个单位' : '人'}：${parts.filter(Boolean).join('、')}`;
  },
  previewCells: (n: number) => `共 ${n} 个单元格`,
  kindWord: { total: '总分', grade: '等次', rank: '排名', header: '表头' },
  valuesInsteadPeople: (names: string) => `${names}的分数有以文本保存的，改写数值（公式算不进文本）`,
  afterWrite: '写入后的名额',
  afterWriteQuota: (grade: string, scope: string, count: number, limit: number, kind: 'max' | 'min', state: string) =>
    `写入后：${scope}“${grade}”${count} 人，${kind === 'max' ? '名额' : '至少'} ${limit} 人，${state}`,
  afterState: { ok: '符合名额', over: (n: number) => `仍超出 ${n} 人`, under: (n: number) => `仍不足 ${n} 人` },
  afterWriteNoQuota: '本方案没有名额限制。',
  unitsTab: '单位',
  withReason: (word: string, reason: string) => `${word}（${reason}）`,
  afterWriteAdjust: '谁调整由考核小组决定：“名额”中按总分排序并标出分界线和同分者。',
  schemeUnreadable: '文件内容读不出来，不是考核方案',
  yearSummaryUnits: (n: number, e: number, w: number) => `${n} 个单位；${e + w === 0 ? '没有发现问题' : `错误 ${e} 个，警告 ${w} 个`}`,
  who: (name: string, unit: string | null) => (unit ? `${name}（${unit}）` : name),
  // The pane follows the workbook (issue #17).
  otherSheet: (active: string, shown: string) => `当前工作表是“${active}”，下面仍是“${shown}”的结果：列对应的改动尚未保存。`,
  checkSheet: (sheet: string) => `检查“${sheet}”`,
  ribbonWrote: '“一键计算等次”写入了本表，已重新检查',
  undoOn: (sheet: string) => `撤销将恢复工作表“${sheet}”中写入的单元格`,
  undoneOn: (sheet: string) => `已撤销工作表“${sheet}”中的写入，单元格恢复原样`,
};

export type Strings = typeof zhStrings;

/**
 * English is a chunk of its own (./strings-en.ts, added by ./english.ts before the pane renders when
 * Office runs in English); until it is added an English request gets the Chinese words.
 */
let en: Strings | null = null;
export function addPaneEnglish(words: Strings): void {
  en = words;
}

export function strings(locale: Locale): Strings {
  return locale === 'en' && en ? en : zhStrings;
}
