/** The command line's own words: usage, failures, table headings. Issue messages live in the engine. */
import type { Locale } from '../engine';
import type { WorkbookError } from '../hosts/file/xlsx';
import type { OutputError } from '../hosts/file/output';
import type { CopyError } from '../hosts/file/copy/xml';
import type { LostPart } from '../hosts/file/write';
import { type LimitError, READ_LIMITS } from '../hosts/file/limits';

const n = (x: number) => x.toLocaleString('en-US');
const mib = (x: number) => `${Math.floor(x / 1024 / 1024)} MB`;

const zh = {
  usage: `用法：
  kaohe presets [--json]                      列出内置方案
  kaohe check <工作簿.xlsx> [选项]             检查一张考核表：分数、总分、等次、名额
  kaohe check <文件夹|工作簿>… [--out 汇总.xlsx] 检查文件夹里（或几个）工作簿的每张考核表，一表一行，附合计和汇总表
  kaohe grade <文件夹|工作簿>… --out-dir <副本文件夹>
                                              每个工作簿写一份副本（同 grade），放在副本文件夹里，旁边附汇总表
  kaohe grade <工作簿> --out <副本.xlsx> [选项]  检查后把总分、等次写入副本（原文件不变）
  kaohe scheme <方案ID|方案.json> [--json]      用文字列出方案内容，并检查方案本身（分数段是否首尾相接、满分是否相符）
  kaohe scheme <方案ID|方案.json> --set 名称=值 [--set …] [--id 新ID] [--name 新名称]
                                              修改方案（如 --set quota.好.max=30%），输出修改后的方案 JSON，改动说明写在标准错误
  kaohe scheme --infer <工作簿> [--sheet 名称]   按表中写明的内容推断本表的方案，输出 JSON（可保存、修改后用 --scheme 使用）
  kaohe annual <工作簿> [--sheets Q1,Q2,Q3,Q4] [--out <副本.xlsx>]
                                              年度汇总：各季度等次、年度规则、名额；--out 写入汇总表副本

选项：
  --sheet 名称        指定工作表（默认：第一张能识别出花名册的工作表）
  --scheme ID|文件    方案：内置方案 ID（见 kaohe presets）或方案 JSON 文件（默认：按表头自动识别）
  --formulas          （grade）写入公式而不是数值，改分后表格自动重算
  --no-marks          （grade）不在副本中标记问题单元格
  --via-libreoffice   （grade，.xls）先用本机的 LibreOffice 把 .xls 转换为 .xlsx 再检查和写入，保留批注、链接、条件格式等
  --force             （grade、annual、json-schema、检查文件夹的 --out）替换已有的同名文件（默认不覆盖）
  --jobs N            （检查文件夹）同时检查几个文件（默认每个 CPU 核一个；两核及以下一个）
  --sheets 名称,名称   （annual）各季度的工作表（默认：按表名识别 第一季度…第四季度、Q1…Q4）
  --json              输出 JSON 报告
  --set 名称=值        （scheme）修改方案的一项：quota.好.max=30%、band.好.min=85、item.思想政治素质.max=8、
                      condition.probation.match.keywords=试用期,见习期，或任意路径 grading.bands.1.min=80；值为空则删除
  --id、--name        （scheme --set）修改后方案的 ID 和名称（默认：预设 ID 加 -custom，名称注明“本单位修改”）
  --lang zh|en        语言（默认中文）

退出码：0 没有错误；1 有错误级别的问题；2 无法运行（文件、工作表或方案有误）`,
  unknownCommand: (c: string) => `未知的命令“${c}”。可用：presets、check、grade、annual、scheme（kaohe --help 查看用法）`,
  noPeriods: (file: string) => `${file} 中没有找到季度或月份工作表（第一季度…第四季度、Q1…Q4、1月…12月）：请用 --sheets 指定`,
  noAnnualRules: (id: string) => `方案 ${id} 没有年度考核规则，无法做年度汇总`,
  /** Added to the engine's host-neutral words where the command line has a flag for it. */
  missingPeriodsHint: '，或用 --sheets 指定',
  annualTitle: (scheme: string, periods: string[]) => `年度汇总（${scheme}）：${periods.join('、')}`,
  annualCols: { score: '平时成绩', total: '年度总分', max: '最高可评', proposed: '拟定等次' },
  totalAndPlace: (total: string, place: number) => `${total}（第${place}名）`,
  annualState: { ungraded: '不定等次', excluded: '不参加', elsewhere: '在外考核' },
  newSheets: (sheets: string[]) => `新增汇总表工作表：${sheets.join('、')}`,
  wroteForms: (file: string, sheets: string[]) => `已写入副本：${file}，新增工作表：${sheets.join('、')}`,
  needFile: '请指定要检查的工作簿：kaohe check <工作簿.xlsx>',
  needScheme: '请指定方案：kaohe scheme <方案ID|方案.json>',
  needFileInfer: '请指定要推断方案的工作簿：kaohe scheme --infer <工作簿.xlsx>',
  nothingToInfer: (sheet: string) => `工作表“${sheet}”写明的内容不足以推断方案：需要含“姓名”的表头，以及写明满分的分数列、总分列或等次列`,
  nothingToInferAnywhere: (file: string) =>
    `${file} 中没有一张工作表写明的内容足以推断方案：需要含“姓名”的表头，以及写明满分的分数列、总分列或等次列`,
  badArgs: (m: string) => `参数有误：${m}（kaohe --help 查看用法）`,
  unknownScheme: (s: string, ids: string[]) => `未知的方案“${s}”：既不是内置方案 ID（${ids.join('、')}），也不是存在的文件`,
  schemeFile: (path: string, m: string) => `方案文件 ${path} 有误：${m}`,
  schemeUnreadable: (path: string) => `无法读取方案文件 ${path}`,
  workbook: (e: WorkbookError) =>
    ({
      'not-found': `找不到文件 ${e.path}`,
      'no-access': `没有权限读取 ${e.path}`,
      'is-directory': `${e.path} 是文件夹，不是工作簿`,
      unreadable: `无法读取 ${e.path}：不是有效的 Excel 工作簿${e.detail ? `（${e.detail}）` : ''}`,
      encrypted: `${e.path} 设有打开密码：请先在 Excel 中取消密码再检查`,
      empty: `工作簿 ${e.path} 中没有工作表`,
    })[e.problem],
  /** A file over a READ_LIMITS entry: what it has, the limit, where, what to do. */
  limit: (e: LimitError, file: string) => {
    const range = `工作表“${e.sheet}”的使用范围（${e.cell}）`;
    const at = `工作表“${e.sheet}”的 ${e.cell} 格`;
    return {
      packageBytes: `${file} 有 ${mib(e.found)}，超过读取上限 ${mib(READ_LIMITS.packageBytes)}：请把考核表另存为单独的工作簿后再检查`,
      unpackedBytes: `${file} 解压后超过读取上限 ${mib(READ_LIMITS.unpackedBytes)}（可能是损坏或恶意构造的文件）：请在 Excel 中打开后另存一份再检查`,
      rows: `${range}有 ${n(e.found)} 行，超过读取上限 ${n(READ_LIMITS.rows)} 行：请删除表格以外远处单元格里的内容后再检查`,
      columns: `${range}有 ${n(e.found)} 列，超过读取上限 ${n(READ_LIMITS.columns)} 列：请删除表格以外远处单元格里的内容后再检查`,
      cells: `${range}共 ${n(e.found)} 格，超过读取上限 ${n(READ_LIMITS.cells)} 格：请删除表格以外远处单元格里的内容，或把考核表另存为单独的工作簿`,
      textLength: `${at}有 ${n(e.found)} 个字符，超过 Excel 一格的上限 ${n(READ_LIMITS.textLength)} 个：请删去多余的文字后再检查`,
    }[e.limit];
  },
  unknownSheet: (name: string, names: string[]) => `找不到工作表“${name}”（工作簿中有：${names.join('、')}）`,
  noRoster: (sheet: string) => `工作表“${sheet}”中找不到花名册：需要一行含“姓名”的表头，以及方案中的分数列或等次列`,
  noRosterAnywhere: (file: string) => `${file} 中没有一张工作表能识别出花名册：需要一行含“姓名”的表头，以及分数列或等次列`,
  noPeople: (sheet: string, row: number) => `工作表“${sheet}”第 ${row} 行表头下面没有人员`,
  formsNoGrade: (n: number) =>
    `本工作簿是 ${n} 张公务员平时考核登记表（一人一表）：grade 不往登记表里写等次（等次是在表上勾选或填写的，写错一格就是错的档案），没有写出副本。请用 kaohe check 检查，按报告在各表上勾选或填写`,
  forms: (n: number, periods: string[]) =>
    `公务员平时考核登记表 ${n} 张，一人一表，合为一份名单核对${periods.length > 0 ? `（${periods.join('、')}）` : ''}`,
  formsPeriods: (periods: string[]) => `各登记表写的考核期不同：${periods.join('、')}，请核对是否同一期`,
  internal: (m: string) => `内部错误：${m}（请把这一行和工作簿一并反馈给开发者）`,
  file: '文件',
  sheet: '工作表',
  scheme: '方案',
  detected: '（按表头自动识别）',
  fromWorkbook: '（工作簿中保存的方案）',
  inferred: '（按本表推断）',
  noFit: (sentence: string, file: string) =>
    `${sentence}。请用 --scheme 指定方案（kaohe presets 列出内置方案），例如：kaohe check ${file} --scheme <方案ID|方案.json>`,
  storedUnreadable: '工作簿中保存的考核助手设置无法识别：请在任务窗格中重新选择方案，或用 --scheme 指定',
  storedUnknownPreset: (id: string) => `工作簿中保存的方案“${id}”不是内置方案：请用 --scheme 指定方案`,
  storedInvalid: (m: string) => `工作簿中保存的方案有误：${m}（可用 --scheme 指定其他方案）`,
  header: (top: number, bottom: number) => (top === bottom ? `表头：第 ${top} 行` : `表头：第 ${top}–${bottom} 行`),
  counts: (n: number, g: number, u: number, x: number, scoreOnly = false, units = false) =>
    units
      ? `单位 ${n} 个：计分 ${g + u}，不参加考核 ${x}`
      : scoreOnly
        ? `人员 ${n} 人：计分 ${g + u}，不参加本单位考核 ${x}`
        : `人员 ${n} 人：定等次 ${g}，不定等次 ${u}，不参加本单位考核 ${x}`,
  scoringFromTotal: '表中没有分项分数，按“合计”列的总分定等次',
  scoreOnly: '本方案只计分，不定等次',
  scoringEntered: '本方案由表中填写等次（不计算总分）',
  scoringGradesOnly: '表中只有等次、没有分数：按填写的等次检查用词和名额，不计算总分',
  peopleTitle: '人员',
  unitsTitle: '单位（按类别分别由高到低排名）',
  cols: {
    row: '行',
    name: '姓名',
    unit: '科室',
    total: '总分',
    grade: '等次',
    note: '说明',
    unitName: '单位',
    category: '类别',
    rank: '排名',
  },
  place: (place: number, of: number, barred: boolean) => `${place}/${of}${barred ? '（不得评先进）' : ''}`,
  status: { ungraded: '不定等次', excluded: '不参加', elsewhere: '在接收单位考核' },
  noTotal: '分数有误或缺项，暂不能计算总分（见下方问题）',
  issuesTitle: (e: number, w: number) => `问题（错误 ${e} 个，警告 ${w} 个）`,
  noIssues: '没有发现问题。',
  issueCols: { cell: '单元格', severity: '级别', rule: '规则', message: '说明' },
  severity: { error: '错误', warning: '警告', info: '提示' },
  quotaTitle: '名额',
  quotaLine: (
    grade: string,
    scope: string,
    kind: 'max' | 'min',
    count: number,
    limit: number,
    base: number,
    share: string | null,
    rounding: string,
  ) =>
    `${scope}“${grade}” ${count} 人，${kind === 'max' ? '名额' : '至少'} ${limit} 人（${share === null ? '本表规定的人数' : `${base} 人 × ${share}，${rounding}`}）`,
  rounding: { floor: '向下取整', ceil: '向上取整', round: '四舍五入' },
  quotaOk: '符合',
  quotaOver: (n: number) => `超出 ${n} 人`,
  quotaUnder: (n: number) => `不足 ${n} 人`,
  ranking: '按总分排序（由考核小组核定，本工具不替您选择）：',
  cutLine: '—— 名额分界线 ——',
  tie: '同分',
  direct: '直接确定',
  presetsTitle: '内置方案（--scheme 使用左侧 ID）：',
  schemeOk: (id: string) => `方案 ${id} 检查通过：分数段首尾相接、没有重叠，满分相符。`,
  schemeProblems: (id: string, n: number) => `方案 ${id} 有 ${n} 处问题：`,
  schemeEdited: (id: string, basedOn: string | null, n: number) =>
    basedOn ? `方案 ${id}（基于 ${basedOn} 修改），与 ${basedOn} 相比有 ${n} 处不同：` : `方案 ${id}，修改了 ${n} 处：`,
  schemeUnchanged: (id: string) => `方案 ${id} 的规则没有改变。`,
  /** Under the sentence that names a changed copy of a preset: what differs (one change on the line, more on their own lines). */
  comparedWith: (id: string, n: number) => (n === 1 ? `与 ${id} 相比：` : `与 ${id} 相比有 ${n} 处不同：`),
  badSetting: (m: string) => `无法修改方案：${m}`,
  fix: '处理',
  needOut: '请用 --out 指定副本的文件名：kaohe grade <工作簿> --out <副本.xlsx>',
  outNotXlsx: (f: string) => `副本只能保存为 .xlsx：${f}`,
  output: (e: OutputError) =>
    ({
      'is-input': `不能写到 ${e.path}：它就是原文件（可能经另一个路径、链接或不同大小写指向它），原文件不会被改动，请换一个文件名`,
      exists: `${e.path} 已经存在，没有覆盖：请换一个文件名，或加 --force 替换它`,
      'is-directory': `不能写到 ${e.path}：这是一个文件夹`,
      'folder-missing': `无法保存 ${e.path}：所在文件夹不存在`,
      'write-failed': `无法保存 ${e.path}：${e.detail}（没有留下不完整的文件）`,
    })[e.problem],
  wroteCopy: (f: string) => `已写入副本：${f}`,
  nothingToWrite: {
    'entered-grades': '本方案的等次由表中填写，没有需要写入的总分或等次',
    'grades-only': '表中只有等次、没有分数：没有需要写入的总分或等次',
  },
  wroteCounts: (t: number, g: number, f: number, formulas: boolean, r = 0) =>
    `写入合计 ${t} 格、等次 ${g} 格${r > 0 ? `、排名 ${r} 格` : ''}${formulas ? `（其中公式 ${f} 格，改分后自动重算）` : ''}`,
  newColumn: (c: string, h: string) => `表中没有“${h}”列，新增在 ${c} 列`,
  overwrote: (n: number) => `改写了原有不同的 ${n} 格（见上方问题）：`,
  skipped: (row: number, name: string) => `第 ${row} 行 ${name}：分数有误或缺项，未写入总分和等次`,
  skippedMerged: (row: number, name: string, cell: string) => `第 ${row} 行 ${name}：${cell} 是合并单元格，未写入；取消合并后再运行`,
  skippedKept: (row: number, name: string, cell: string) =>
    `第 ${row} 行 ${name}：${cell} 的等次与分数段不同，可能另有依据（直接定等次、一票否决等），保留原等次，请核实`,
  hiddenRows: (rows: number[]) => `第 ${rows.join('、')} 行被隐藏或筛选掉，未写入（见上方问题）；取消筛选或隐藏后重新运行，才会写入这些行`,
  valuesInstead: (rows: number[]) => `第 ${rows.join('、')} 行有以文本保存的分数，公式不会计入，改为写入数值`,
  marked: (n: number) => `标记了 ${n} 个有问题的单元格（底色和批注）`,
  unnoted: (cells: string[]) => `${cells.join('、')} 有新式批注（会话），只标了底色，问题说明没有写进批注，请看上方问题`,
  copyRefused: (e: CopyError, file: string) =>
    ({
      strict: `没有写出副本：${file} 是“严格 Open XML”格式，考核助手还不能写入这种格式：请在 Excel 中另存为普通的“Excel 工作簿(*.xlsx)”再运行`,
      'shared-formula': `没有写出副本：${e.cell} 是一组共享公式的首格，写入它会让同组其他单元格失去公式：请在 Excel 中把这一列的公式改为普通公式（或粘贴为数值）再运行`,
      'array-formula': `没有写出副本：${e.cell} 是数组公式或模拟运算表的一部分，考核助手不改写它：请先把它改为普通单元格再运行`,
      table: `没有写出副本：要新增的 ${e.cell} 在一个“表格”（插入→表格）的范围内，考核助手还不能给表格加列：请在表格内先加上“合计”“等次”列，或把表格范围缩到数据为止，再运行`,
      'cell-metadata': `没有写出副本：${e.cell} 带有动态数组或数据类型等单元格元数据，考核助手不改写它：请先把它改为普通单元格再运行`,
    })[e.problem],
  notKept: (parts: string[]) => `注意：副本中不会保留原工作簿的${parts.join('、')}（原文件未改动）`,
  parts: {
    charts: '图表',
    'pivot-tables': '数据透视表',
    slicers: '切片器',
    macros: '宏',
    'external-links': '外部链接',
    'threaded-comments': '新式批注（会话）',
    'cell-styles': '单元格格式（字体、边框、底色）',
    'far-formatting': '数据以外远处空白行的格式和合并区域',
  } as Record<LostPart, string>,
  inputUntouched: '原文件未作任何改动。',
};

const en: typeof zh = {
  usage: `Usage:
  kaohe presets [--json]                      list the built-in schemes
  kaohe check <workbook.xlsx> [options]       check an appraisal sheet: scores, totals, grades, quotas
  kaohe check <folder|workbook>… [--out summary.xlsx]
                                              every roster sheet of the workbooks under the folders: a line each, totals, a summary workbook
  kaohe grade <folder|workbook>… --out-dir <folder>
                                              a graded copy of each workbook (as grade) in that folder, with a summary workbook
  kaohe grade <workbook> --out <copy.xlsx>    check, then write totals and grades into a copy (the input stays as it is)
  kaohe scheme <ID|scheme.json> [--json]      the scheme in words, and a check of it (bands without gaps, maxima that add up)
  kaohe scheme <ID|scheme.json> --set NAME=VALUE [--set …] [--id ID] [--name NAME]
                                              change a scheme (e.g. --set quota.好.max=30%): the changed scheme as JSON, the changes on stderr
  kaohe scheme --infer <workbook> [--sheet NAME]
                                              the sheet's own scheme from what it states, as JSON (save, edit, use with --scheme)
  kaohe annual <workbook> [--sheets Q1,Q2,Q3,Q4] [--out <copy.xlsx>]
                                              annual roll-up: quarterly grades, annual rules, quotas; --out writes the summary forms

Options:
  --sheet NAME        the sheet to read (default: the first that holds a roster)
  --scheme ID|FILE    a preset id (see kaohe presets) or a scheme JSON file (default: recognised from the headers)
  --formulas          (grade) write live formulas rather than values
  --no-marks          (grade) do not mark problem cells in the copy
  --via-libreoffice   (grade, .xls) convert the .xls to .xlsx with this machine's LibreOffice first, keeping notes, links, conditional formats and more
  --force             (--out of grade, annual, json-schema, a folder check) replace a file already there (never replaced otherwise)
  --jobs N            (folders) how many files to check at once (default: one per CPU core; one on 2 cores or fewer)
  --sheets A,B        (annual) the quarterly sheets (default: recognised by name, 第一季度 … 第四季度, Q1 … Q4)
  --json              print the JSON report
  --set NAME=VALUE    (scheme) change one thing: quota.好.max=30%, band.好.min=85, item.思想政治素质.max=8,
                      condition.probation.match.keywords=试用期,见习期, or any path, grading.bands.1.min=80; an empty value removes it
  --id, --name        (scheme --set) the changed scheme's id and name (default: the preset's id + -custom, its name marked as changed)
  --lang zh|en        language (default Chinese)

Exit codes: 0 no errors; 1 errors found; 2 could not run (bad file, sheet or scheme)`,
  noPeriods: (file) => `No quarterly or monthly sheets in ${file} (第一季度 … 第四季度, Q1 … Q4, 1月 … 12月): name them with --sheets`,
  noAnnualRules: (id) => `Scheme ${id} has no annual rules: no annual roll-up`,
  missingPeriodsHint: ', or name the sheets with --sheets',
  annualTitle: (scheme, periods) => `Annual roll-up (${scheme}): ${periods.join(', ')}`,
  annualCols: { score: 'Period score', total: 'Annual total', max: 'At most', proposed: 'Proposed' },
  totalAndPlace: (total, place) => `${total} (#${place})`,
  annualState: { ungraded: 'no grade', excluded: 'not appraised', elsewhere: 'elsewhere' },
  newSheets: (sheets) => `New summary sheets: ${sheets.join(', ')}`,
  wroteForms: (file, sheets) => `Wrote the copy ${file}, with new sheets: ${sheets.join(', ')}`,
  unknownCommand: (c) => `Unknown command "${c}". Commands: presets, check, grade, annual, scheme (kaohe --help)`,
  needFile: 'Name the workbook to check: kaohe check <workbook.xlsx>',
  needScheme: 'Name the scheme: kaohe scheme <ID|scheme.json>',
  needFileInfer: 'Name the workbook to infer a scheme from: kaohe scheme --infer <workbook.xlsx>',
  nothingToInfer: (sheet) =>
    `Sheet "${sheet}" states too little to infer a scheme: it needs a header with 姓名 and score columns with stated maxima, a total or a grade column`,
  nothingToInferAnywhere: (file) =>
    `No sheet of ${file} states enough to infer a scheme: it needs a header with 姓名 and score columns with stated maxima, a total or a grade column`,
  badArgs: (m) => `Bad arguments: ${m} (kaohe --help)`,
  unknownScheme: (s, ids) => `Unknown scheme "${s}": neither a preset id (${ids.join(', ')}) nor an existing file`,
  schemeFile: (path, m) => `The scheme file ${path} is invalid: ${m}`,
  schemeUnreadable: (path) => `Cannot read the scheme file ${path}`,
  workbook: (e) =>
    ({
      'not-found': `No such file: ${e.path}`,
      'no-access': `No permission to read ${e.path}`,
      'is-directory': `${e.path} is a folder, not a workbook`,
      unreadable: `Cannot read ${e.path}: not a valid Excel workbook${e.detail ? ` (${e.detail})` : ''}`,
      encrypted: `${e.path} is password-protected: remove the password in Excel first`,
      empty: `The workbook ${e.path} has no sheets`,
    })[e.problem],
  limit: (e, file) => {
    const range = `The used range of sheet "${e.sheet}" (${e.cell})`;
    const at = `Cell ${e.cell} of sheet "${e.sheet}"`;
    return {
      packageBytes: `${file} is ${mib(e.found)}, over the reading limit of ${mib(READ_LIMITS.packageBytes)}: save the appraisal sheet as a workbook of its own and check that`,
      unpackedBytes: `${file} unpacks to more than the reading limit of ${mib(READ_LIMITS.unpackedBytes)} (a damaged or crafted file?): open it in Excel, save a copy and check that`,
      rows: `${range} has ${n(e.found)} rows, over the reading limit of ${n(READ_LIMITS.rows)}: delete what is in far-away cells outside the table and check again`,
      columns: `${range} has ${n(e.found)} columns, over the reading limit of ${n(READ_LIMITS.columns)}: delete what is in far-away cells outside the table and check again`,
      cells: `${range} spans ${n(e.found)} cells, over the reading limit of ${n(READ_LIMITS.cells)}: delete what is in far-away cells outside the table, or save the appraisal sheet as a workbook of its own`,
      textLength: `${at} holds ${n(e.found)} characters, over Excel's limit of ${n(READ_LIMITS.textLength)} for one cell: shorten the text and check again`,
    }[e.limit];
  },
  unknownSheet: (name, names) => `No sheet "${name}" (the workbook has: ${names.join(', ')})`,
  noRoster: (sheet) => `No roster on sheet "${sheet}": it needs a header row with 姓名 and the scheme's score or grade columns`,
  noRosterAnywhere: (file) => `No sheet of ${file} holds a roster: it needs a header row with 姓名 and score or grade columns`,
  noPeople: (sheet, row) => `Sheet "${sheet}" has no people under its header (row ${row})`,
  internal: (m) => `Internal error: ${m} (please send this line and the workbook to the developers)`,
  file: 'File',
  sheet: 'Sheet',
  scheme: 'Scheme',
  detected: ' (recognised from the headers)',
  fromWorkbook: ' (saved in the workbook)',
  inferred: ' (inferred from this sheet)',
  noFit: (sentence: string, file: string) =>
    `${sentence}. Choose one with --scheme (kaohe presets lists them), e.g. kaohe check ${file} --scheme <id|scheme.json>`,
  storedUnreadable: "The workbook's saved kaohe settings cannot be read: choose the scheme again in the task pane, or use --scheme",
  storedUnknownPreset: (id) => `The scheme "${id}" saved in the workbook is not a preset: use --scheme`,
  storedInvalid: (m) => `The scheme saved in the workbook is invalid: ${m} (use --scheme to choose another)`,
  header: (top, bottom) => (top === bottom ? `Header: row ${top}` : `Header: rows ${top}–${bottom}`),
  formsNoGrade: (n) =>
    `This workbook is ${n} per-person appraisal forms (登记表, one person a sheet): grade writes no grades into forms (a form's grade is a box ticked or a word written, and a wrong cell would be a wrong record), so no copy was written. Use kaohe check, and tick or write the grades on the forms as it reports`,
  forms: (n, periods) =>
    `${n} per-person appraisal forms (登记表, one person a sheet), checked as one roster${periods.length > 0 ? ` (${periods.join(', ')})` : ''}`,
  formsPeriods: (periods) => `The forms state different periods: ${periods.join(', ')}; check that they belong to one period`,
  counts: (n, g, u, x, scoreOnly = false, units = false) =>
    units
      ? `${n} units: ${g + u} scored, ${x} not appraised`
      : scoreOnly
        ? `${n} people: ${g + u} scored, ${x} not appraised here`
        : `${n} people: ${g} graded, ${u} without a grade, ${x} not appraised here`,
  scoringFromTotal: 'The sheet has no item scores: grades come from its total column',
  scoreOnly: 'This scheme gives a score only, no grade',
  scoringEntered: 'This scheme takes the grades written in the sheet (no totals)',
  scoringGradesOnly: 'The sheet has grades but no scores: its grades are checked as words and counted, no totals computed',
  peopleTitle: 'People',
  unitsTitle: 'Units (ranked high to low within each category)',
  cols: {
    row: 'Row',
    name: 'Name',
    unit: 'Unit',
    total: 'Total',
    grade: 'Grade',
    note: 'Note',
    unitName: 'Unit',
    category: 'Category',
    rank: 'Rank',
  },
  place: (place, of, barred) => `${place}/${of}${barred ? ' (not advanced)' : ''}`,
  status: { ungraded: 'no grade', excluded: 'not appraised', elsewhere: 'appraised elsewhere' },
  noTotal: 'scores missing or wrong: no total yet (see the issues below)',
  issuesTitle: (e, w) => `Issues (${e} errors, ${w} warnings)`,
  noIssues: 'No issues found.',
  issueCols: { cell: 'Cell', severity: 'Level', rule: 'Rule', message: 'Message' },
  severity: { error: 'error', warning: 'warning', info: 'info' },
  quotaTitle: 'Quotas',
  quotaLine: (grade, scope, kind, count, limit, base, share, rounding) =>
    `${scope}: "${grade}" ${count}, ${kind === 'max' ? 'limit' : 'at least'} ${limit} (${share === null ? 'places as stated' : `${base} × ${share}, ${rounding}`})`,
  rounding: { floor: 'rounded down', ceil: 'rounded up', round: 'rounded' },
  quotaOk: 'ok',
  quotaOver: (n) => `${n} over`,
  quotaUnder: (n) => `${n} short`,
  ranking: 'Ranked by total (the appraisal group decides; kaohe does not choose):',
  cutLine: '—— quota cut line ——',
  tie: 'tie',
  direct: 'direct grade',
  presetsTitle: 'Built-in schemes (use the id with --scheme):',
  schemeOk: (id) => `Scheme ${id} is sound: bands meet without gaps or overlaps, maxima add up.`,
  schemeProblems: (id, n) => `Scheme ${id} has ${n} problem(s):`,
  schemeEdited: (id, basedOn, n) =>
    basedOn ? `Scheme ${id} (based on ${basedOn}) differs from ${basedOn} in ${n} place(s):` : `Scheme ${id}, ${n} change(s):`,
  schemeUnchanged: (id) => `The rules of scheme ${id} are unchanged.`,
  comparedWith: (id, n) => (n === 1 ? `Against ${id}: ` : `Against ${id}, ${n} differences:`),
  badSetting: (m) => `Cannot change the scheme: ${m}`,
  fix: 'Fix',
  needOut: 'Name the copy with --out: kaohe grade <workbook> --out <copy.xlsx>',
  outNotXlsx: (f) => `The copy can only be saved as .xlsx: ${f}`,
  output: (e) =>
    ({
      'is-input': `Cannot write to ${e.path}: it is the input file (reached by another path, a link or another letter case); the input is never changed, choose another name`,
      exists: `${e.path} already exists and was not replaced: choose another name, or add --force to replace it`,
      'is-directory': `Cannot write to ${e.path}: it is a folder`,
      'folder-missing': `Cannot save ${e.path}: its folder does not exist`,
      'write-failed': `Cannot save ${e.path}: ${e.detail} (no partly written file was left)`,
    })[e.problem],
  wroteCopy: (f) => `Wrote the copy: ${f}`,
  nothingToWrite: {
    'entered-grades': 'This scheme takes the grades written in the sheet: no totals or grades to write',
    'grades-only': 'The sheet has grades but no scores: no totals or grades to write',
  },
  wroteCounts: (t, g, f, formulas, r = 0) =>
    `Wrote ${t} totals and ${g} grades${r > 0 ? ` and ${r} places` : ''}${formulas ? ` (${f} of them live formulas)` : ''}`,
  newColumn: (c, h) => `The sheet had no "${h}" column: added as column ${c}`,
  overwrote: (n) => `Replaced ${n} cells that held something else (listed in the issues above):`,
  skipped: (row, name) => `Row ${row} ${name}: scores missing or wrong, no total or grade written`,
  skippedMerged: (row, name, cell) => `Row ${row} ${name}: ${cell} is a merged cell, not written; unmerge it and run again`,
  skippedKept: (row, name, cell) =>
    `Row ${row} ${name}: the grade in ${cell} differs from the bands but may have a reason the sheet does not show (a direct grade, a veto): kept; please verify`,
  hiddenRows: (rows) =>
    `${rows.length > 1 ? 'Rows' : 'Row'} ${rows.join(', ')} hidden or filtered out, not written (see the issues above); clear the filter or unhide them and run again to write them`,
  valuesInstead: (rows) => `Rows ${rows.join(', ')} have scores typed as text, which formulas skip: values written instead`,
  marked: (n) => `Marked ${n} problem cells (fill colour and a note)`,
  unnoted: (cells) => `${cells.join(', ')} hold threaded comments: marked with a fill only, no note added (see the issues above)`,
  copyRefused: (e, file) =>
    ({
      strict: `No copy written: ${file} is in Strict Open XML, which kaohe cannot yet write: save it in Excel as an ordinary "Excel Workbook (*.xlsx)" and run again`,
      'shared-formula': `No copy written: ${e.cell} is the first cell of a shared formula; writing it would take the formula from the other cells of its group: in Excel, make the column's formulas ordinary ones (or paste them as values) and run again`,
      'array-formula': `No copy written: ${e.cell} is part of an array formula or a data table, which kaohe does not rewrite: make it an ordinary cell first and run again`,
      table: `No copy written: the new cell ${e.cell} lies inside a table (Insert → Table), to which kaohe cannot yet add a column: add the total and grade columns to the table, or shrink the table to the data, and run again`,
      'cell-metadata': `No copy written: ${e.cell} holds cell metadata (a dynamic array or a data type), which kaohe does not rewrite: make it an ordinary cell first and run again`,
    })[e.problem],
  notKept: (parts) => `Note: the copy does not keep the workbook's ${parts.join(', ')} (the original is unchanged)`,
  parts: {
    charts: 'charts',
    'pivot-tables': 'pivot tables',
    slicers: 'slicers',
    macros: 'macros',
    'external-links': 'external links',
    'threaded-comments': 'threaded comments',
    'cell-styles': 'cell formatting (fonts, borders, fills)',
    'far-formatting': 'formatting and merges of the empty rows and cells far beyond the data',
  } as Record<LostPart, string>,
  inputUntouched: 'The input file was not changed.',
};

export type CliWords = typeof zh;

export function cliWords(locale: Locale): CliWords {
  return locale === 'en' ? en : zh;
}
