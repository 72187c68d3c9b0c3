/** 简体中文：每条规则、提示、方案问题和公式问题的说法，按代码一一对应（见 ./language.ts）。 */
import type { Note, QuotaScope } from '../../results';
import { fmt, pct } from '../format';
import type { Span } from '../issue';
import { say, type Language } from './language';

const QUARTERS = ['第一季度', '第二季度', '第三季度', '第四季度'];

const period: Language['period'] = (index, unit) => (unit === 'month' ? `${index}月` : (QUARTERS[index - 1] ?? `${index}`));

const ALL = '全单位';
const scope = (s: QuotaScope): string => (s.kind === 'unit' ? s.unit : ALL);
/** How a quota's limit was made: a share of those graded, or the places the rules state. */
const basis = (d: { base: number; share: number | null; limit: number }): string =>
  d.share === null ? `规定名额 ${d.limit} 人` : `参加考核并定等次 ${d.base} 人 × ${pct(d.share)}`;

function span(s: Span): string {
  if (s.from !== null && s.to !== null && s.from === s.to) return `恰为 ${fmt(s.from)} 分`;
  const lo = s.from === null ? '' : `${s.fromInclusive ? '不低于' : '高于'} ${fmt(s.from)} 分`;
  const hi = s.to === null ? '' : `${s.toInclusive ? '不高于' : '低于'} ${fmt(s.to)} 分`;
  return lo && hi ? `${lo}且${hi}` : lo || hi || '任何分数';
}

function rangeFix(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return `请改为 ${fmt(min)}–${fmt(max)} 分之间的分数`;
  if (max !== null) return `请改为不超过 ${fmt(max)} 分的分数`;
  return `请改为不低于 ${fmt(min ?? 0)} 分的分数`;
}

const notes: Language['notes'] = {
  scheme: (n) => n.text,
  variant: (n) => `按${n.label}的规则计分`,
  'screen-unknown': (n) => `${n.screen}：缺少${n.missing === 'age' ? '年龄' : '学历'}，无法判断${n.remind ? `；${n.remind}` : ''}`,
  'screen-met': (n) =>
    `${n.screen}：年龄、学历符合条件${n.exception ? `（亦符合破格条件${n.exceptionText ? `，${n.exceptionText}` : ''}）` : ''}${n.remind ? `；${n.remind}` : ''}`,
  'screen-exception': (n) =>
    `${n.screen}：不符合一般条件，符合破格条件${n.exceptionText ? `，${n.exceptionText}` : ''}${n.remind ? `；${n.remind}` : ''}`,
  'screen-not-met': (n) => {
    const why = [n.over ? `${n.over.age} 岁，超过 ${n.over.max} 岁` : null, n.below ? `学历低于${n.below}` : null];
    return `${n.screen}：不符合条件（${why.filter(Boolean).join('、')}）`;
  },
  'no-grade-all-year': () => '全年没有本单位评定的平时考核等次，年度等次不能由平时考核结果得出，请另行确定',
  'place-alert': (n) => `${n.text}（${n.periods.map((i) => period(i, n.unit)).join('、')}）`,
  rating: (n) => `${n.item}：${n.word} → ${n.effect === 'lowest' ? n.grade : `至多${n.grade}`}`,
  'sheet-no-grade': (n) => `表中写明“${n.sheet}”`,
};

const note = (n: Note): string => say(notes, n);

/** Each follows "第 5 个字符处". */
const expr: Language['expr'] = {
  'bad-number': () => '数字写法不对',
  'unterminated-text': () => '的文字缺少结尾的引号',
  'unexpected-character': (p) => `不能有“${p.char}”`,
  'too-long': (p) => `超出了 ${p.max} 个字的上限`,
  'too-deep': (p) => `嵌套超过 ${p.max} 层`,
  expected: (p) => `缺少“${p.token}”`,
  'unknown-function': (p) => `的 ${p.name} 不是可用的函数`,
  'argument-count': (p) => `的 ${p.fn} 需要 ${p.min === p.max ? p.min : `${p.min}–${p.max}`} 个参数`,
  'unexpected-end': () => '没有写完',
  'unexpected-token': () => '的符号用得不对',
  'trailing-text': () => '多出了内容',
};

const exprError: Language['exprError'] = (problem, source, at) =>
  `公式“${source.length > 80 ? `${source.slice(0, 80)}…` : source}”第 ${at + 1} 个字符处${problem}`;

/** A key of the scheme file (max) stands apart from the Chinese around it: "max 应为数字", "这一项应为数字". */
const sp = (s: string): string => (/[\x21-\x7e]$/.test(s) ? `${s} ` : s);
const ps = (s: string): string => (/^[\x21-\x7e]/.test(s) ? ` ${s}` : s);

const TYPES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  array: '列表（[…]）',
  object: '对象（{…}）',
};

export const zh: Language = {
  rules: {
    'missing-value': {
      name: '缺少内容',
      words: (d) =>
        d.field.id === 'name'
          ? { message: '这一行有分数但没有姓名', fix: '请填写姓名，或删除这一行' }
          : { message: `${d.field.label}没有填写`, fix: `请填写${d.field.label}的分数` },
    },
    'not-a-number': {
      name: '不是数字',
      words: (d) => {
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
      },
    },
    'number-as-text': {
      name: '文本型数字',
      words: (d) => ({
        message: `${d.field.label}“${d.text}”是以文本保存的数字，已按 ${fmt(d.value)} 计算`,
        fix: '请改为数值（去掉撇号、全角数字或“分”字），以免求和公式漏算',
      }),
    },
    'out-of-range': {
      name: '超出分值范围',
      words: (d) => {
        if (d.cap) {
          return {
            message: `${d.field.label} ${fmt(d.value)} 超过上限 ${fmt(d.max)} 分，计入总分时按 ${fmt(d.max)} 分计算`,
            fix: d.summed ? `各项加分之和超过上限，按规定只计 ${fmt(d.max)} 分，表中分数无需修改` : `请改为不超过 ${fmt(d.max)} 分`,
          };
        }
        return {
          message:
            d.max !== null && d.value > d.max
              ? `${d.field.label} ${fmt(d.value)} 超过满分 ${fmt(d.max)}`
              : `${d.field.label} ${fmt(d.value)} 低于最低分 ${fmt(d.min ?? 0)}`,
          fix: rangeFix(d.min, d.max),
        };
      },
    },
    'subtotal-mismatch': {
      name: '小计不符',
      words: (d) => ({
        message: `${d.field.label} ${fmt(d.sheet)} 与按各项计算的 ${fmt(d.computed)} 不一致`,
        fix: `请改为 ${fmt(d.computed)}，或核对各项得分`,
      }),
    },
    'deduction-out-of-range': {
      name: '扣分超出按次范围',
      words: (d) =>
        d.count === 0
          ? { message: `${d.field.label} ${fmt(d.points)} 分，但次数为 0`, fix: '请填写次数，或删去扣分' }
          : {
              message: `${d.field.label} ${fmt(d.points)} 分，但 ${fmt(d.count)} 次每次扣 ${fmt(d.each[0])}–${fmt(d.each[1])} 分，应在 ${fmt(d.min)}–${fmt(d.max)} 分之间`,
              fix: `请核对次数和扣分，扣分改为 ${fmt(d.min)}–${fmt(d.max)} 分之间`,
            },
    },
    'ballot-mismatch': {
      name: '票数与测评人数不符',
      words: (d) => ({
        message: `${d.subject.label}各档票数合计 ${fmt(d.votes)} 票，与参加测评人数 ${fmt(d.voters)} 不符`,
        fix: '请核对各档票数和参加测评人数',
      }),
    },
    'total-mismatch': {
      name: '总分不符',
      words: (d) => ({
        message: `表中总分 ${typeof d.sheet === 'number' ? fmt(d.sheet) : `“${d.sheet}”`} 与按方案计算的 ${fmt(d.computed)} 不一致`,
        fix: `请改为 ${fmt(d.computed)}（可用“计算”自动填写）`,
      }),
    },
    'grade-mismatch': {
      name: '等次不符',
      words: (d) => ({
        message: `表中等次“${d.sheet}”与按方案确定的${d.computed === null ? '“不确定等次”' : `“${d.computed}”`}不一致${d.why ? `：${note(d.why)}` : ''}`,
        fix: d.computed === null ? '请清空等次，并在备注中写明原因' : `请改为“${d.computed}”`,
      }),
    },
    'unknown-grade': {
      name: '等次无法识别',
      words: (d) => ({ message: `等次“${d.text}”不是本方案的等次（${d.known.join('、')}）`, fix: '请改为其中之一' }),
    },
    'grade-stage-differs': {
      name: '各环节等次不同',
      words: (d) => ({
        message: `${d.stage}为“${d.text}”，与${d.decided}“${d.grade}”不同`,
        fix: `以${d.decided}为准；如${d.decided}有误，请改正后再检查`,
      }),
    },
    'unknown-rating': {
      name: '评价词无法识别',
      words: (d) => ({
        message: `${d.field.label}填的是“${d.text}”，不是本栏的评价词（${d.known.join('、')}），无法据此确定等次`,
        fix: `请改为其中之一`,
      }),
    },
    'duplicate-person': {
      name: '人员重复',
      words: (d) => ({
        message: `${d.name}${d.unit ? `（${d.unit}）` : ''}与${d.firstSheet ? `工作表“${d.firstSheet}”` : `第 ${d.firstRow} 行`}重复`,
        fix: '请核实是否重复录入；如确为同名的两人，请在姓名后加以区分',
      }),
    },
    'hidden-row': {
      name: '行被隐藏或筛选',
      words: (d) => ({
        message: `${d.name}${d.unit ? `（${d.unit}）` : ''}所在的行被隐藏或被筛选掉：照常检查，计入名额和排名，但考核助手不会写入这一行`,
        fix: '请取消筛选或取消隐藏这一行，然后重新检查，再写入总分和等次',
      }),
    },
    'rank-mismatch': {
      name: '排名不符',
      words: (d) => ({
        message: `${d.name}表中排名 ${typeof d.sheet === 'number' ? d.sheet : `“${d.sheet}”`}，按${d.group ? `${d.group}内` : ''}总分由高到低应为第 ${d.computed} 名`,
        fix: `请改为 ${d.computed}（可用“计算”自动填写），或核对总分`,
      }),
    },
    'quota-exceeded': {
      name: '超出名额',
      words: (d) => ({
        message: `${scope(d.scope)}“${d.grades.join('、')}”等次 ${d.count} 人，超过${d.hard ? '' : '一般控制的'}名额 ${d.limit} 人（${basis(d)}）`,
        fix: `请减少 ${d.count - d.limit} 人：按总分从高到低核定，分界处同分者由考核小组研究决定`,
      }),
    },
    'quota-below-minimum': {
      name: '低于最低比例',
      words: (d) => ({
        message: `${scope(d.scope)}“${d.grades.join('、')}”等次 ${d.count} 人，少于要求的 ${d.limit} 人（${basis(d)}）`,
        fix: '请核实等次评定是否符合比例要求',
      }),
    },
    'quota-per-organisation': {
      name: '按单位分别计算名额',
      words: (d) => ({
        message: `本表汇总了 ${d.units.length} 个单位（${d.units.slice(0, 5).join('、')}${d.units.length > 5 ? ' 等' : ''}），名额按每个单位分别计算`,
        fix: '如果这些单位应合并计算名额，请在方案中说明',
      }),
    },
    'scheme-gap': {
      name: '方案分数段问题',
      words: (d) => {
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
            message: `${what}${span(d)}时没有对应的${d.subject ? '档次' : '等次'}`,
            fix: '请修改方案的分数段，写明边界分数属于哪一档（如 90 分以上含 90）',
          };
        }
        return { message: `${what}${span(d)}时同时属于${d.grades.join('、')}`, fix: '请修改方案的分数段，使其互不重叠' };
      },
    },
    'missing-column': {
      name: '缺少列',
      words: (d) => ({
        message: `表中找不到“${d.field.label}”列`,
        fix: '请添加该列，或在列对应中指定，或换用与表格相符的方案',
      }),
    },
    'header-max-mismatch': {
      name: '表头满分与方案不同',
      words: (d) => ({
        message: `表头写明“${d.field.label}”满分 ${fmt(d.header)} 分，方案规定为 ${fmt(d.scheme)} 分`,
        fix: `请核对表头或方案；本次按方案的 ${fmt(d.scheme)} 分检查`,
      }),
    },
    'condition-conflict': {
      name: '条件冲突',
      words: (d) => ({ message: `同时符合“${d.chosen}”和“${d.ignored}”，按前者处理`, fix: '请核实备注' }),
    },
    'no-grade-unexplained': {
      name: '未写明不定等次原因',
      words: (d) => {
        const such = d.reasons.length > 0 ? `（如${d.reasons.join('、')}）` : '';
        const done = { ungraded: '不确定等次', excluded: '不参加考核', elsewhere: '在外考核、单独列出' }[d.stated];
        const what = { ungraded: '原因', excluded: '不参加考核的原因', elsewhere: '在哪里考核' }[d.stated];
        return {
          message: d.given ? `表中写明“${d.sheet}”，但“${d.given}”不是方案所列的原因` : `表中写明“${d.sheet}”，但备注未写${what}`,
          fix: `已按表中所写${done}，不计入名额基数；请在备注中写明${what}${such}，应定等次的请填写等次`,
        };
      },
    },
    'annual-missing-period': {
      name: '考核期缺人',
      words: (d) => {
        const periods = d.periods.map((i) => period(i, d.unit)).join('、');
        return d.name === null
          ? {
              message: `工作簿中没有${periods}的考核表，全年结果不能只凭${(d.held ?? []).map((i) => period(i, d.unit)).join('、') || '已有的考核期'}确定`,
              fix: '年度规则（如“全年均为好”“超过一半”）要看全年：缺少的考核期不作推断，只给出已有结果已能确定的限制；请补上对应工作表后再汇总',
            }
          : { message: `${d.name}在${periods}的考核表中没有找到`, fix: '请核实是否漏填、姓名写法不同，或为年中调入/调出人员' };
      },
    },
    'annual-ungraded-period': {
      name: '季度未定等次',
      words: (d) => ({
        message: `${d.name}在${d.periods.map((p) => `${period(p.index, d.unit)}（${p.reason ?? '不定等次'}）`).join('、')}未确定等次`,
        fix: '年度规则按全年季度数计算（如“好等次超过一半”），这些季度按无等次计，请核实',
      }),
    },
    'annual-grade-not-allowed': {
      name: '年度等次超出允许',
      words: (d) => ({
        message: `${d.name}拟定的年度等次为${d.grade}，但按平时考核结果最高只能评为${d.maxGrade}${d.why.length > 0 ? `（${d.why.map(note).join('；')}）` : ''}`,
        fix: `请将年度等次改为${d.maxGrade}或以下`,
      }),
    },
  },

  notes,

  problems: {
    'not-json': (d) => `方案文件不是有效的 JSON${d.line === null ? '' : `（第 ${d.line} 行附近）`}`,
    'too-large': (d) => `方案文件太大（${d.kb} KB，最多 ${d.maxKb} KB）：这不像一个考核方案，请检查选的文件`,
    'not-object': () => '方案文件的内容不是一个 JSON 对象',
    'too-many': (d, s) => `${sp(s)}有 ${d.count} 项，最多 ${d.max} 项`,
    'too-long': (d, s) => `${sp(s)}有 ${d.count} 个字，最多 ${d.max} 个字`,
    'too-nested': (d, s) => `${sp(s)}嵌套超过 ${d.max} 层`,
    'not-finite': (d, s) => `${sp(s)}写的是 ${d.value}，不是一个有限的数：请写普通的数字`,
    'unknown-parent': (d) => `extends 指向的方案 "${d.id}" 不存在`,
    'extends-too-deep': () => 'extends 嵌套太深或循环引用',
    missing: (_d, s) => `缺少${ps(s)}（必填）`,
    'wrong-type': (d, s) => `${sp(s)}应为${TYPES[d.expected] ?? ` ${d.expected}`}`,
    'too-small': (d, s) => {
      if (d.of === 'number') return `${sp(s)}应${d.inclusive ? '不小于' : '大于'} ${d.min}`;
      if (d.of === 'list') return `${sp(s)}至少要有 ${d.min} 项`;
      return d.min === 1 ? `${sp(s)}不能为空` : `${sp(s)}至少要有 ${d.min} 个字`;
    },
    'too-big': (d, s) => {
      if (d.of === 'number') return `${sp(s)}应${d.inclusive ? '不大于' : '小于'} ${d.max}`;
      return `${sp(s)}最多 ${d.max} ${d.of === 'list' ? '项' : '个字'}`;
    },
    'not-one-of': (d, s) => `${sp(s)}应为 ${d.values.map((v) => JSON.stringify(v)).join('、')} 之一`,
    'bad-id': (_d, s) => `${sp(s)}只能由文字、数字和 _ 组成，且不能以数字开头`,
    'bad-scheme-id': (_d, s) => `${sp(s)}只能由小写字母、数字和 - 组成`,
    'bad-form': (_d, s) => `${sp(s)}的写法不对`,
    'duplicate-id': (d, s, place) => `${sp(s)}“${d.id}”重复（${place(d.also)} 已用了它）`,
    'points-need-column': () => '按范围扣分（如每次 1–3 分）时，表中要有一列写明实际扣了几分（pointsColumn）',
    'min-above-max': () => '最低分高于满分',
    'range-reversed': (_d, s) => `${sp(s)}的 min 高于 max`,
    'no-ballot-option': (d) => `投票选项中没有“${d.option}”`,
    'no-item': (d) => `没有 id 为“${d.id}”的分项`,
    'no-group': (d) => `没有 id 为“${d.id}”的维度`,
    'group-loop': (d) => `维度互相包含，形成循环：${d.ids.join(' → ')}`,
    'weighted-holds-groups': () => '加权计分的维度不能包含其他维度',
    'weighted-needs-items': () => '加权计分的维度需要有分项',
    'weighted-needs-weights': () => '加权计分的维度中，每个分项都需要 weight（权重）',
    'unknown-field': (d) => `公式“${d.expr}”中的 ${d.ref} 不是方案中的字段 id`,
    'bad-expr': (d) => exprError(say(expr, d.problem), d.expr, d.at),
    'computed-loop': (d) => `计算项互相引用，形成循环：${d.ids.join(' → ')}`,
    'no-computed': (d) => `没有 id 为“${d.id}”的计算项`,
    'duplicate-grade': (d) => `等次“${d.grade}”重复`,
    'unknown-grade': (d) => `“${d.grade}”不是方案中的${d.annual ? '年度' : ''}等次`,
    'needs-grade': (d) => `${d.effect} 需要写明等次`,
    'condition-needs-match': () => '需要 keywords（关键词）或 leave（假期天数）',
    'no-condition': (d) => `没有 id 为“${d.id}”的条件`,
    'no-education-level': (d) => `educationOrder（学历顺序）中没有“${d.level}”`,
    'needs-bands': () => 'mode 为 "bands" 时需要写明分数段',
    'needs-grades': () => '除 mode 为 "none" 外，都需要写明等次',
    'quota-needs-bound': () => '需要写明 max、min（比例）或 maxPlaces、minPlaces（人数）',
    'duplicate-word': (d) => `评价词“${d.word}”重复`,
    'rated-needs-grades': () => '方案不定等次（mode 为 "none"），评价项无法影响等次',
  },

  expr,
  exprError,

  path: {
    nouns: {
      groups: '个维度',
      items: '个分项',
      adjustments: '个加减分项',
      inputs: '个输入项',
      deductions: '个扣分项',
      computed: '个计算项',
      conditions: '个条件',
      quotas: '个名额',
      variants: '组分类计分规则',
      screens: '个筛选',
      scoreNotes: '个分数提示',
      synonyms: '个别名',
      levels: '个档次',
      keywords: '个关键词',
      unless: '个排除词',
      kinds: '个假别',
      in: '个查找列',
      grades: '个等次',
      weights: '个权重',
      options: '个选项',
      educationOrder: '个学历',
      'grading.labels': '个等次',
      'grading.bands': '个分数段',
      'annual.grades': '个年度等次',
      'annual.rules': '条年度规则',
      'annual.quotas': '个年度名额',
      'annual.annualParts': '个年度组成部分',
      'annual.raters': '组评分权重',
      'ballot.options': '个投票选项',
      'ballot.subjects': '个测评项目',
      'ballot.rates': '个比率',
      rated: '个评价项',
      words: '个评价词',
      'organisation.bars': '个否决条件',
      'columns.seq': '个“序号”列表头',
      'columns.name': '个“姓名”列表头',
      'columns.unit': '个“单位”列表头',
      'columns.post': '个“职务”列表头',
      'columns.remark': '个“备注”列表头',
      'columns.status': '个“状态”列表头',
      'columns.total': '个“总分”列表头',
      'columns.grade': '个“等次”列表头',
      'columns.age': '个“年龄”列表头',
      'columns.education': '个“学历”列表头',
      'columns.category': '个“类别”列表头',
      'columns.rank': '个“排名”列表头',
    },
    entry: (n, noun, key) => (noun ? `第 ${n} ${noun}` : `${key} 第 ${n} 项`),
    within: '的',
    at: (where, text) => `${where}：${text}`,
    keyOf: (where, key) => `${where}的 ${key}`,
    file: '方案文件',
    it: '这一项',
  },

  fit: {
    reasons: {
      columns: (r) =>
        r.accounted === r.of
          ? `表中 ${r.of} 个分数和等次列全部认出`
          : `表中 ${r.of} 个分数和等次列只认出 ${r.accounted} 个${r.others.length > 0 ? `（未认出：${r.others.slice(0, 5).join('、')}${r.others.length > 5 ? ` 等 ${r.others.length} 列` : ''}）` : ''}`,
      maxima: (r) =>
        r.differ.length === 0
          ? `表头写明的满分 ${r.equal} 处与方案相同`
          : `表头写明的满分有 ${r.differ.length} 处与方案不同（${r.differ.map((d) => `${d.column} 表头 ${fmt(d.header)} 分，方案 ${fmt(d.scheme)} 分`).join('、')}）${r.equal > 0 ? `，${r.equal} 处相同` : ''}`,
      totals: (r) =>
        r.reproduced === r.of ? `表中 ${r.of} 行总分全部与方案算法一致` : `表中已有的总分只有 ${r.reproduced}/${r.of} 行与方案算法一致`,
      grades: (r) =>
        r.unknown.length === 0
          ? `等次用词（${r.known.join('、')}）都属于本方案`
          : `等次用词 ${r.unknown.join('、')} 不属于本方案的等次${r.known.length > 0 ? `（${r.known.join('、')} 属于）` : ''}`,
      graded: (r) =>
        r.agree === r.of ? `表中 ${r.of} 个等次全部与方案分数段一致` : `表中已有的等次只有 ${r.agree}/${r.of} 个与方案分数段一致`,
      missing: (r) => `缺少方案需要的列：${r.columns.join('、')}`,
      unconfirmed: () => '只有列名相近，没有满分、总分或等次可以印证',
    },
    matched: (f) => {
      const cols = f.reasons.find((r) => r.code === 'columns');
      const totals = f.reasons.find((r) => r.code === 'totals');
      const allTotals = totals?.code === 'totals' && totals.reproduced === totals.of;
      if (cols?.code === 'columns' && cols.items > 1) {
        const what = `${cols.items} 个分项${allTotals ? '和总分' : ''}`;
        return cols.accounted === cols.of ? `${what}全部对上` : `${what}对上（${cols.accounted}/${cols.of} 列）`;
      }
      if (cols?.code === 'columns' && cols.accounted === cols.of && cols.of > 1)
        return `${cols.of} 个分数和等次列${allTotals ? '和总分' : ''}全部对上`;
      return allTotals ? '总分全部对上' : '等次用词全部属于本方案';
    },
    unclear: (why) => `与本表不太相符：${why}`,
    basedOn: (preset) => `（基于 ${preset} 修改）`,
    chosen: {
      argument: (id, d) => `按指定方案：${id}${d ? `；${d}` : ''}`,
      workbook: (id, d) => `按工作簿中保存的方案：${id}${d ? `；${d}` : ''}`,
      preset: (id, d) => `按表头识别：${id}${d ? `，${d}` : ''}`,
      inferred: () => '没有相符的内置方案，已按本表推断',
    },
    none: (id, why) => (id ? `没有相符的内置方案：最接近的是 ${id}，但${why ?? '相符度不够'}` : '没有相符的内置方案'),
    tie: (ids) => `有 ${ids.length} 个内置方案同样相符（${ids.join('、')}），不替您选择`,
  },

  scopeAll: ALL,
  period,
  listSep: '；',
  inAll: (n) => `（共 ${n} 处）`,
};
