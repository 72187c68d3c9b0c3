/**
 * Words for issues: a message and what to do, chosen by rule id, in Chinese or English.
 * The engine never builds sentences; translation never touches the engine.
 */
import type { FieldRef, Issue, IssueData, RuleId, Span } from './issue';
import type { Locale } from './locale';

export interface Words {
  message: string;
  fix: string;
}

/** 6.5 → "6.5", 90 → "90", 89.999999 → "90". */
export function fmt(x: number): string {
  return String(Math.round(x * 100) / 100);
}

export function pct(share: number): string {
  return `${fmt(share * 100)}%`;
}

function label(f: FieldRef, locale: Locale): string {
  return locale === 'en' && f.en ? f.en : f.label;
}

/** "unit:办公室" → 办公室; "all" → the whole office. */
export function scopeName(scope: string, locale: Locale): string {
  if (scope.startsWith('unit:')) return scope.slice(5);
  return locale === 'zh' ? '全单位' : 'Whole office';
}

function spanZh(s: Span): string {
  if (s.from !== null && s.to !== null && s.from === s.to) return `恰为 ${fmt(s.from)} 分`;
  const lo = s.from === null ? '' : `${s.fromInclusive ? '不低于' : '高于'} ${fmt(s.from)} 分`;
  const hi = s.to === null ? '' : `${s.toInclusive ? '不高于' : '低于'} ${fmt(s.to)} 分`;
  return lo && hi ? `${lo}且${hi}` : lo || hi || '任何分数';
}

function spanEn(s: Span): string {
  if (s.from !== null && s.to !== null && s.from === s.to) return `exactly ${fmt(s.from)}`;
  const lo = s.from === null ? '' : `${s.fromInclusive ? 'from' : 'above'} ${fmt(s.from)}`;
  const hi = s.to === null ? '' : `${s.toInclusive ? 'up to and including' : 'below'} ${fmt(s.to)}`;
  return lo && hi ? `${lo} ${hi}` : lo || hi || 'any score';
}

function rangeFixZh(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return `请改为 ${fmt(min)}–${fmt(max)} 分之间的分数`;
  if (max !== null) return `请改为不超过 ${fmt(max)} 分的分数`;
  return `请改为不低于 ${fmt(min ?? 0)} 分的分数`;
}

function rangeEn(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return `between ${fmt(min)} and ${fmt(max)}`;
  if (max !== null) return `at most ${fmt(max)}`;
  return `at least ${fmt(min ?? 0)}`;
}

const zh = (d: IssueData): Words => {
  switch (d.rule) {
    case 'missing-value':
      return d.field.id === 'name'
        ? { message: '这一行有分数但没有姓名', fix: '请填写姓名，或删除这一行' }
        : { message: `${d.field.label}没有填写`, fix: `请填写${d.field.label}的分数` };
    case 'not-a-number': {
      const what = {
        text: `填的是“${d.text}”，不是数字`,
        error: `是错误值 ${d.text}`,
        boolean: `是逻辑值 ${d.text}`,
        date: `是日期格式（${d.text}）`,
        formula: '的公式没有保存计算结果',
      }[d.kind];
      const fix = {
        text: '请改为数字分数',
        error: '请检查该单元格的公式，或直接填写分数',
        boolean: '请改为数字分数',
        date: '请把单元格格式改为“常规”或“数值”，再填写分数',
        formula: '请在 Excel 中打开并保存工作簿后再检查，或直接填写分数',
      }[d.kind];
      return { message: `${d.field.label}${what}`, fix };
    }
    case 'number-as-text':
      return {
        message: `${d.field.label}“${d.text}”是以文本保存的数字，已按 ${fmt(d.value)} 计算`,
        fix: '请改为数值（去掉撇号、全角数字或“分”字），以免求和公式漏算',
      };
    case 'out-of-range':
      if (d.cap) {
        return {
          message: `${d.field.label} ${fmt(d.value)} 超过上限 ${fmt(d.max!)} 分，计入总分时按 ${fmt(d.max!)} 分计算`,
          fix: d.summed ? `各项加分之和超过上限，按规定只计 ${fmt(d.max!)} 分，表中分数无需修改` : `请改为不超过 ${fmt(d.max!)} 分`,
        };
      }
      return {
        message:
          d.max !== null && d.value > d.max
            ? `${d.field.label} ${fmt(d.value)} 超过满分 ${fmt(d.max)}`
            : `${d.field.label} ${fmt(d.value)} 低于最低分 ${fmt(d.min ?? 0)}`,
        fix: rangeFixZh(d.min, d.max),
      };
    case 'subtotal-mismatch':
      return {
        message: `${d.field.label} ${fmt(d.sheet)} 与按各项计算的 ${fmt(d.computed)} 不一致`,
        fix: `请改为 ${fmt(d.computed)}，或核对各项得分`,
      };
    case 'ballot-mismatch':
      return {
        message: `${d.subject.label}各档票数合计 ${fmt(d.votes)} 票，与参加测评人数 ${fmt(d.voters)} 不符`,
        fix: '请核对各档票数和参加测评人数',
      };
    case 'deduction-out-of-range':
      if (d.count === 0) return { message: `${d.field.label} ${fmt(d.points)} 分，但次数为 0`, fix: '请填写次数，或删去扣分' };
      return {
        message: `${d.field.label} ${fmt(d.points)} 分，但 ${fmt(d.count)} 次每次扣 ${fmt(d.each[0])}–${fmt(d.each[1])} 分，应在 ${fmt(d.min)}–${fmt(d.max)} 分之间`,
        fix: `请核对次数和扣分，扣分改为 ${fmt(d.min)}–${fmt(d.max)} 分之间`,
      };
    case 'rank-mismatch':
      return {
        message: `${d.name}表中排名 ${typeof d.sheet === 'number' ? d.sheet : `“${d.sheet}”`}，按${d.group ? `${d.group}内` : ''}总分由高到低应为第 ${d.computed} 名`,
        fix: `请改为 ${d.computed}（可用“计算”自动填写），或核对总分`,
      };
    case 'total-mismatch':
      return {
        message: `表中总分 ${typeof d.sheet === 'number' ? fmt(d.sheet) : `“${d.sheet}”`} 与按方案计算的 ${fmt(d.computed)} 不一致`,
        fix: `请改为 ${fmt(d.computed)}（可用“计算”自动填写）`,
      };
    case 'grade-mismatch':
      return {
        message: `表中等次“${d.sheet}”与按方案确定的${d.computed === null ? '“不确定等次”' : `“${d.computed}”`}不一致${d.why ? `：${d.why}` : ''}`,
        fix: d.computed === null ? '请清空等次，并在备注中写明原因' : `请改为“${d.computed}”`,
      };
    case 'unknown-grade':
      return { message: `等次“${d.text}”不是本方案的等次（${d.known.join('、')}）`, fix: '请改为其中之一' };
    case 'duplicate-person':
      return {
        message: `${d.name}${d.unit ? `（${d.unit}）` : ''}与第 ${d.firstRow} 行重复`,
        fix: '请核实是否重复录入；如确为同名的两人，请在姓名后加以区分',
      };
    case 'quota-exceeded':
      return {
        message: `${scopeName(d.scope, 'zh')}“${d.grades.join('、')}”等次 ${d.count} 人，超过${d.hard ? '' : '一般控制的'}名额 ${d.limit} 人（参加考核并定等次 ${d.base} 人 × ${pct(d.share)}）`,
        fix: `请减少 ${d.count - d.limit} 人：按总分从高到低核定，分界处同分者由考核小组研究决定`,
      };
    case 'quota-below-minimum':
      return {
        message: `${scopeName(d.scope, 'zh')}“${d.grades.join('、')}”等次 ${d.count} 人，少于要求的 ${d.limit} 人（参加考核并定等次 ${d.base} 人 × ${pct(d.share)}）`,
        fix: '请核实等次评定是否符合比例要求',
      };
    case 'scheme-gap': {
      if (d.kind === 'max-sum') {
        return {
          message: `${d.subject ? `“${d.subject.label}”各项` : '各项'}满分合计 ${fmt(d.actual)} 分，与规定的 ${fmt(d.expected)} 分不一致`,
          fix: '请核对方案中各项的满分',
        };
      }
      if (d.kind === 'total-in-gap') {
        return { message: `总分 ${fmt(d.value)} 不在任何等次的分数段内`, fix: '请修改方案的等次分数段，使其首尾相接' };
      }
      if (d.kind === 'total-not-a-number') {
        return { message: '各项分数齐全，但按方案的总分公式算不出数（如除以 0）', fix: '请检查方案文件中的总分公式' };
      }
      const what = d.subject ? `“${d.subject.label}”得分` : '总分';
      if (d.kind === 'gap') {
        return {
          message: `${what}${spanZh(d)}时没有对应的${d.subject ? '档次' : '等次'}`,
          fix: '请修改方案的分数段，写明边界分数属于哪一档（如 90 分以上含 90）',
        };
      }
      return { message: `${what}${spanZh(d)}时同时属于${d.grades.join('、')}`, fix: '请修改方案的分数段，使其互不重叠' };
    }
    case 'missing-column':
      return {
        message: `表中找不到“${d.field.label}”列`,
        fix: '请添加该列，或在列对应中指定，或换用与表格相符的方案',
      };
    case 'header-max-mismatch':
      return {
        message: `表头写明“${d.field.label}”满分 ${fmt(d.header)} 分，方案规定为 ${fmt(d.scheme)} 分`,
        fix: `请核对表头或方案；本次按方案的 ${fmt(d.scheme)} 分检查`,
      };
    case 'annual-missing-period':
      return d.name === null
        ? {
            message: `工作簿中没有${d.periods.join('、')}的考核表`,
            fix: '如本年度应有这些考核期（季度或月份），请补上对应工作表，或用 --sheets 指定',
          }
        : { message: `${d.name}在${d.periods.join('、')}的考核表中没有找到`, fix: '请核实是否漏填、姓名写法不同，或为年中调入/调出人员' };
    case 'annual-ungraded-period':
      return {
        message: `${d.name}在${d.periods.join('、')}未确定等次`,
        fix: '年度规则按全年季度数计算（如“好等次超过一半”），这些季度按无等次计，请核实',
      };
    case 'annual-grade-not-allowed':
      return {
        message: `${d.name}拟定的年度等次为${d.grade}，但按平时考核结果最高只能评为${d.maxGrade}${d.why.length > 0 ? `（${d.why.join('；')}）` : ''}`,
        fix: `请将年度等次改为${d.maxGrade}或以下`,
      };
    case 'condition-conflict':
      return { message: `同时符合“${d.chosen}”和“${d.ignored}”，按前者处理`, fix: '请核实备注' };
  }
};

const en = (d: IssueData): Words => {
  switch (d.rule) {
    case 'missing-value':
      return d.field.id === 'name'
        ? { message: 'This row has scores but no name', fix: 'Enter the name, or delete the row' }
        : { message: `${label(d.field, 'en')} is empty`, fix: `Enter the score for ${label(d.field, 'en')}` };
    case 'not-a-number': {
      const what = {
        text: `holds "${d.text}", which is not a number`,
        error: `holds the error ${d.text}`,
        boolean: `holds the logical value ${d.text}`,
        date: `is formatted as a date (${d.text})`,
        formula: 'has a formula with no saved result',
      }[d.kind];
      const fix = {
        text: 'Enter a numeric score',
        error: "Check the cell's formula, or enter the score",
        boolean: 'Enter a numeric score',
        date: 'Format the cell as General or Number and enter the score',
        formula: 'Open and save the workbook in Excel, then check again, or enter the score',
      }[d.kind];
      return { message: `${label(d.field, 'en')} ${what}`, fix };
    }
    case 'number-as-text':
      return {
        message: `${label(d.field, 'en')} "${d.text}" is a number stored as text; counted as ${fmt(d.value)}`,
        fix: 'Store it as a number (no apostrophe, full-width digits or 分), or SUM formulas will skip it',
      };
    case 'out-of-range':
      if (d.cap) {
        return {
          message: `${label(d.field, 'en')} ${fmt(d.value)} is over the cap of ${fmt(d.max!)}; ${fmt(d.max!)} counts in the total`,
          fix: d.summed
            ? `The items add up to more than the cap; by the rules ${fmt(d.max!)} counts, nothing to change`
            : `Enter at most ${fmt(d.max!)}`,
        };
      }
      return {
        message:
          d.max !== null && d.value > d.max
            ? `${label(d.field, 'en')} ${fmt(d.value)} is over the maximum of ${fmt(d.max)}`
            : `${label(d.field, 'en')} ${fmt(d.value)} is under the minimum of ${fmt(d.min ?? 0)}`,
        fix: `Enter a score ${rangeEn(d.min, d.max)}`,
      };
    case 'subtotal-mismatch':
      return {
        message: `${label(d.field, 'en')} ${fmt(d.sheet)} differs from ${fmt(d.computed)} computed from its items`,
        fix: `Change it to ${fmt(d.computed)}, or check the item scores`,
      };
    case 'ballot-mismatch':
      return {
        message: `The votes for ${label(d.subject, 'en')} add up to ${fmt(d.votes)}, not the ${fmt(d.voters)} voters`,
        fix: 'Check the votes in each column and the number of voters',
      };
    case 'deduction-out-of-range':
      if (d.count === 0)
        return {
          message: `${label(d.field, 'en')} is ${fmt(d.points)}, but no cases are counted`,
          fix: 'Enter the number of cases, or remove the points',
        };
      return {
        message: `${label(d.field, 'en')} is ${fmt(d.points)}, but ${fmt(d.count)} cases at ${fmt(d.each[0])}–${fmt(d.each[1])} points each make ${fmt(d.min)}–${fmt(d.max)}`,
        fix: `Check the count and the points; the points must be between ${fmt(d.min)} and ${fmt(d.max)}`,
      };
    case 'rank-mismatch':
      return {
        message: `${d.name} is ranked ${typeof d.sheet === 'number' ? d.sheet : `"${d.sheet}"`} in the sheet; by total, high to low${d.group ? ` within ${d.group}` : ''}, the place is ${d.computed}`,
        fix: `Change it to ${d.computed} (Compute fills it in), or check the totals`,
      };
    case 'total-mismatch':
      return {
        message: `The total in the sheet, ${typeof d.sheet === 'number' ? fmt(d.sheet) : `"${d.sheet}"`}, differs from ${fmt(d.computed)} computed by the scheme`,
        fix: `Change it to ${fmt(d.computed)} (Compute fills it in)`,
      };
    case 'grade-mismatch':
      return {
        message: `The grade in the sheet, "${d.sheet}", differs from ${d.computed === null ? 'no grade' : `"${d.computed}"`} given by the scheme${d.whyEn ? `: ${d.whyEn}` : d.why ? `: ${d.why}` : ''}`,
        fix: d.computed === null ? 'Clear the grade and give the reason in the remarks' : `Change it to "${d.computed}"`,
      };
    case 'unknown-grade':
      return { message: `"${d.text}" is not a grade of this scheme (${d.known.join(', ')})`, fix: 'Use one of them' };
    case 'duplicate-person':
      return {
        message: `${d.name}${d.unit ? ` (${d.unit})` : ''} also appears in row ${d.firstRow}`,
        fix: 'Check for a duplicate entry; if they are two people, tell the names apart',
      };
    case 'quota-exceeded':
      return {
        message: `${scopeName(d.scope, 'en')}: ${d.count} people graded ${d.grades.join('/')}, over the ${d.hard ? '' : 'usual '}limit of ${d.limit} (${d.base} graded × ${pct(d.share)})`,
        fix: `Reduce by ${d.count - d.limit}: rank by total; the appraisal group decides ties at the cut line`,
      };
    case 'quota-below-minimum':
      return {
        message: `${scopeName(d.scope, 'en')}: ${d.count} people graded ${d.grades.join('/')}, fewer than the required ${d.limit} (${d.base} graded × ${pct(d.share)})`,
        fix: 'Check the grades against the required shares',
      };
    case 'scheme-gap': {
      if (d.kind === 'max-sum') {
        return {
          message: `The maxima of ${d.subject ? `"${label(d.subject, 'en')}"` : 'the items'} add up to ${fmt(d.actual)}, not the stated ${fmt(d.expected)}`,
          fix: "Check the items' maxima in the scheme",
        };
      }
      if (d.kind === 'total-in-gap') {
        return { message: `The total ${fmt(d.value)} falls in no grade band`, fix: "Close the gaps between the scheme's grade bands" };
      }
      if (d.kind === 'total-not-a-number') {
        return {
          message: "Every score is there, but the scheme's total formula gives no number (a division by 0?)",
          fix: 'Check the total formula in the scheme file',
        };
      }
      const what = d.subject ? `A score of "${label(d.subject, 'en')}"` : 'A total';
      if (d.kind === 'gap') {
        return {
          message: `${what} ${spanEn(d)} gets no ${d.subject ? 'level' : 'grade'}`,
          fix: 'Edit the bands so that each boundary score belongs to one band (e.g. 90 and above)',
        };
      }
      return { message: `${what} ${spanEn(d)} belongs to both ${d.grades.join(' and ')}`, fix: 'Edit the bands so they do not overlap' };
    }
    case 'missing-column':
      return {
        message: `The sheet has no "${label(d.field, 'en')}" column`,
        fix: 'Add the column, map it by hand, or choose a scheme that fits the sheet',
      };
    case 'header-max-mismatch':
      return {
        message: `The header gives "${label(d.field, 'en')}" a maximum of ${fmt(d.header)}; the scheme says ${fmt(d.scheme)}`,
        fix: `Check the header or the scheme; this check uses the scheme's ${fmt(d.scheme)}`,
      };
    case 'annual-missing-period':
      return d.name === null
        ? {
            message: `The workbook has no sheet for ${d.periods.join(', ')}`,
            fix: 'Add the missing periods (quarters or months), or name the sheets with --sheets',
          }
        : {
            message: `${d.name} is not on the sheet(s) for ${d.periods.join(', ')}`,
            fix: 'Check for a missing row, a name spelt differently, or someone who joined or left during the year',
          };
    case 'annual-ungraded-period':
      return {
        message: `${d.name} has no grade in ${d.periods.join(', ')}`,
        fix: 'The annual rules count over all the quarters ("好 in more than half"); these count as no grade: check this is right',
      };
    case 'annual-grade-not-allowed':
      return {
        message: `${d.name} is proposed as ${d.grade}, but the quarterly results allow at most ${d.maxGrade}`,
        fix: `Change the annual grade to ${d.maxGrade} or lower`,
      };
    case 'condition-conflict':
      return { message: `Both "${d.chosen}" and "${d.ignored}" apply; the first is used`, fix: 'Check the remarks' };
  }
};

export function words(i: Issue | IssueData, locale: Locale): Words {
  const d = 'data' in i ? i.data : i;
  return locale === 'zh' ? zh(d) : en(d);
}

/** Each rule's name, for headings: Chinese, English. */
const RULE_NAMES: Record<RuleId, [string, string]> = {
  'missing-value': ['缺少内容', 'Missing value'],
  'not-a-number': ['不是数字', 'Not a number'],
  'number-as-text': ['文本型数字', 'Number stored as text'],
  'out-of-range': ['超出分值范围', 'Out of range'],
  'subtotal-mismatch': ['小计不符', 'Subtotal differs'],
  'deduction-out-of-range': ['扣分超出按次范围', 'Deduction out of its range'],
  'ballot-mismatch': ['票数与测评人数不符', 'Votes do not match the voters'],
  'total-mismatch': ['总分不符', 'Total differs'],
  'grade-mismatch': ['等次不符', 'Grade differs'],
  'unknown-grade': ['等次无法识别', 'Unknown grade'],
  'duplicate-person': ['人员重复', 'Duplicate person'],
  'rank-mismatch': ['排名不符', 'Rank differs'],
  'quota-exceeded': ['超出名额', 'Over the quota'],
  'quota-below-minimum': ['低于最低比例', 'Below the minimum share'],
  'scheme-gap': ['方案分数段问题', 'Scheme bands'],
  'missing-column': ['缺少列', 'Missing column'],
  'header-max-mismatch': ['表头满分与方案不同', 'Header maximum differs'],
  'condition-conflict': ['条件冲突', 'Conditions conflict'],
  'annual-missing-period': ['考核期缺人', 'Missing from a period'],
  'annual-ungraded-period': ['季度未定等次', 'Quarter without a grade'],
  'annual-grade-not-allowed': ['年度等次超出允许', 'Annual grade not allowed'],
};

export function ruleName(rule: RuleId, locale: Locale): string {
  return RULE_NAMES[rule][locale === 'zh' ? 0 : 1];
}
