/**
 * The words files are complete: every rule, note, scheme problem and expression problem says
 * something in both languages from sample data, the English without Chinese of its own (only
 * the data passed in may be Chinese), and every list of a scheme file has a name in both.
 * The samples are typed by code, so a new code without a sample does not compile.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExprProblem } from '../../src/engine/expr/parse';
import type { FieldRef, IssueDataOf, RuleId } from '../../src/engine/report/issue';
import type { Fit, FitCode, FitReason, SchemeSource } from '../../src/engine/fit/fit';
import { fitReasonText, noFitSentence, noteText, problemText, ruleName, schemeSentence, words } from '../../src/engine/report/messages';
import { RULES } from '../../src/engine/report/rules';
import { en } from '../../src/engine/report/words/en';
import { zh } from '../../src/engine/report/words/zh';
import type { Note, NoteCode } from '../../src/engine/results';
import { SchemeError, schemeErrorText } from '../../src/engine/scheme/load';
import { schemeJsonSchema } from '../../src/engine/scheme/model';
import { NAMES_ITS_KEY, problem, type ProblemCode, type ProblemData, type SchemePath } from '../../src/engine/scheme/problems';

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** Every string in the data, longest first. */
function strings(data: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(data);
  return out.sort((a, b) => b.length - a.length);
}

/** What the words add to the data: the text without the strings passed in. */
function ownWords(text: string, data: unknown): string {
  return strings(data).reduce((t, s) => (s ? t.split(s).join('') : t), text);
}

/** Non-empty in both languages; the English adds no Chinese; the Chinese adds Chinese, where it adds anything. */
function expectSaid(zhText: string, enText: string, data: unknown): void {
  expect(zhText.trim()).not.toBe('');
  expect(enText.trim()).not.toBe('');
  expect(ownWords(enText, data)).not.toMatch(CJK);
  const added = ownWords(zhText, data).replace(/[\s\d.,:;()"'/%×–-]/g, '');
  if (added !== '') expect(added).toMatch(CJK);
  expect(zhText).not.toMatch(/undefined|null|NaN|\[object/);
  expect(enText).not.toMatch(/undefined|null|NaN|\[object/);
}

const de: FieldRef = { id: 'de', label: '德', en: 'Virtue' };
const neng: FieldRef = { id: 'neng', label: '能' };
const span = { from: 89, fromInclusive: false, to: 90, toInclusive: false };
const quota = { grades: ['好'], scope: { kind: 'unit' as const, unit: '办公室' }, count: 5, base: 10, limit: 4, share: 0.4, hard: true };
const reason: Note = { code: 'scheme', text: '试用期内不确定等次', en: 'On probation: no grade' };

/** An issue's data without its rule id (distributed over a rule's kinds). */
type Sample<D> = D extends unknown ? Omit<D, 'rule'> : never;

/** Sample data of every rule, one per branch its words take. */
const ISSUES: { [R in RuleId]: Sample<IssueDataOf<R>>[] } = {
  'missing-value': [{ field: de }, { field: { id: 'name', label: '姓名', en: 'Name' } }],
  'not-a-number': (['text', 'error', 'boolean', 'date', 'formula'] as const).map((kind) => ({ field: neng, text: '良好', kind })),
  'number-as-text': [{ field: de, text: '９０分', value: 90 }],
  'out-of-range': [
    { field: de, value: 21, min: 0, max: 20, cap: false },
    { field: de, value: -1, min: 0, max: 20, cap: false },
    { field: de, value: 6, min: null, max: 5, cap: true },
    { field: de, value: 55, min: 0, max: 50, cap: true, summed: true },
  ],
  'subtotal-mismatch': [{ field: de, sheet: 18, computed: 19.5 }],
  'deduction-out-of-range': [
    { field: neng, count: 0, points: 2, min: 0, max: 0, each: [1, 3] },
    { field: neng, count: 2, points: 7, min: 2, max: 6, each: [1, 3] },
  ],
  'ballot-mismatch': [{ subject: de, votes: 30, voters: 29 }],
  'total-mismatch': [
    { sheet: 91, computed: 90.5 },
    { sheet: '九十', computed: 90.5 },
  ],
  'grade-mismatch': [
    { sheet: '好', computed: '较好', why: null },
    { sheet: '好', computed: null, why: reason },
  ],
  'unknown-grade': [{ text: '良', known: ['好', '较好', '一般', '较差'] }],
  'grade-stage-differs': [{ stage: '党组会建议等次', text: '较好', grade: '好', decided: '最终评定等次' }],
  'unknown-rating': [{ field: { id: 'lian', label: '廉', en: 'Integrity' }, text: '待定', known: ['合格', '不合格', '否决'] }],
  'duplicate-person': [
    { name: '张三', unit: '办公室', firstRow: 5 },
    { name: '张三', unit: null, firstRow: 5 },
  ],
  'hidden-row': [
    { name: '张三', unit: '办公室' },
    { name: '张三', unit: null },
  ],
  'rank-mismatch': [
    { name: '东城街道', sheet: 2, computed: 3, group: '街道' },
    { name: '东城街道', sheet: '第二', computed: 3, group: null },
  ],
  'quota-exceeded': [quota, { ...quota, scope: { kind: 'all' }, hard: false }],
  'quota-below-minimum': [quota],
  'quota-per-organisation': [{ units: ['县发展和改革局', '县财政局'] }, { units: ['一局', '二局', '三局', '四局', '五局', '六局'] }],
  'scheme-gap': [
    { kind: 'gap', subject: null, grades: [], ...span },
    { kind: 'overlap', subject: de, grades: ['优秀', '良好'], ...span, to: 89, toInclusive: true },
    { kind: 'max-sum', subject: de, expected: 20, actual: 19 },
    { kind: 'max-sum', subject: null, expected: 100, actual: 90 },
    { kind: 'total-in-gap', value: 89.5 },
    { kind: 'total-not-a-number' },
  ],
  'missing-column': [{ field: de }],
  'header-max-mismatch': [{ field: de, header: 25, scheme: 20 }],
  'condition-conflict': [{ chosen: '急难险重', ignored: '推诿扯皮' }],
  'no-grade-unexplained': [
    { sheet: '不确定等次', stated: 'ungraded', reasons: ['试用期', '立案调查', '处分期间', '病事假超半'], given: null },
    { sheet: '不确定等次（家中有事）', stated: 'ungraded', reasons: ['试用期'], given: '家中有事' },
    { sheet: '不参加考核', stated: 'excluded', reasons: ['调出'], given: null },
    { sheet: '在外考核', stated: 'elsewhere', reasons: [], given: null },
  ],
  'annual-missing-period': [
    { name: '周杰', periods: [1, 2], unit: 'quarter' },
    { name: null, periods: [5, 6], unit: 'month' },
  ],
  'annual-ungraded-period': [
    {
      name: '徐涛',
      periods: [
        { index: 1, reason: '试用期' },
        { index: 2, reason: null },
      ],
      unit: 'quarter',
    },
  ],
  'annual-grade-not-allowed': [
    { name: '王芳', grade: '优秀', maxGrade: '称职', why: [reason] },
    { name: '王芳', grade: '优秀', maxGrade: '称职', why: [] },
  ],
};

const NOTES: { [C in NoteCode]: Extract<Note, { code: C }>[] } = {
  scheme: [reason, { code: 'scheme', text: '津贴减发' }],
  variant: [{ code: 'variant', label: '科级干部' }],
  'screen-unknown': [
    { code: 'screen-unknown', screen: '后备干部', missing: 'age', remind: '干部身份请核实' },
    { code: 'screen-unknown', screen: '后备干部', missing: 'education', remind: null },
  ],
  'screen-met': [
    { code: 'screen-met', screen: '后备干部', exception: true, exceptionText: '推荐得票较高', remind: '干部身份请核实' },
    { code: 'screen-met', screen: '后备干部', exception: false, exceptionText: null, remind: null },
  ],
  'screen-exception': [{ code: 'screen-exception', screen: '后备干部', exceptionText: '推荐得票较高', remind: null }],
  'screen-not-met': [
    { code: 'screen-not-met', screen: '后备干部', over: { age: 50, max: 45 }, below: '大专' },
    { code: 'screen-not-met', screen: '后备干部', over: null, below: '大专' },
  ],
  'no-grade-all-year': [{ code: 'no-grade-all-year' }],
  'place-alert': [
    { code: 'place-alert', text: '约谈', en: 'Interview', periods: [1, 2], unit: 'month' },
    { code: 'place-alert', text: '书面报告', periods: [1, 2, 4], unit: 'month' },
  ],
  rating: [
    { code: 'rating', item: '廉', itemEn: 'Integrity', word: '否决', effect: 'lowest', grade: '较差' },
    { code: 'rating', item: '德', word: '基本合格', effect: 'not-top', grade: '较好' },
  ],
  'sheet-no-grade': [{ code: 'sheet-no-grade', sheet: '不确定等次' }],
};

const EXPR: { [C in ExprProblem['code']]: Extract<ExprProblem, { code: C }> } = {
  'bad-number': { code: 'bad-number' },
  'unterminated-text': { code: 'unterminated-text' },
  'unexpected-character': { code: 'unexpected-character', char: '$' },
  'too-long': { code: 'too-long', max: 2000 },
  'too-deep': { code: 'too-deep', max: 64 },
  expected: { code: 'expected', token: ')' },
  'unknown-function': { code: 'unknown-function', name: 'FOO' },
  'argument-count': { code: 'argument-count', fn: 'ROUND', min: 2, max: 2 },
  'unexpected-end': { code: 'unexpected-end' },
  'unexpected-token': { code: 'unexpected-token' },
  'trailing-text': { code: 'trailing-text' },
};

const PROBLEMS: { [C in ProblemCode]: ProblemData[C][] } = {
  'not-json': [{ line: 3 }, { line: null }],
  'too-large': [{ kb: 30000, maxKb: 1000 }],
  'not-object': [{}],
  'too-many': [{ count: 600, max: 500 }],
  'too-long': [{ count: 100002, max: 10000 }],
  'too-nested': [{ max: 16 }],
  'not-finite': [{ value: '1e999' }, { value: 'Infinity' }],
  'unknown-parent': [{ id: 'gwy-2099' }],
  'extends-too-deep': [{}],
  missing: [{}],
  'wrong-type': ['string', 'number', 'int', 'boolean', 'array', 'object', 'tuple'].map((expected) => ({ expected })),
  'too-small': [
    { of: 'number', min: 0, inclusive: false },
    { of: 'number', min: 1, inclusive: true },
    { of: 'text', min: 1, inclusive: true },
    { of: 'text', min: 3, inclusive: true },
    { of: 'list', min: 2, inclusive: true },
  ],
  'too-big': [
    { of: 'number', max: 1, inclusive: true },
    { of: 'number', max: 1, inclusive: false },
    { of: 'text', max: 10, inclusive: true },
    { of: 'list', max: 5, inclusive: true },
  ],
  'not-one-of': [{ values: ['bands', 'entered', 'none'] }],
  'bad-id': [{}],
  'bad-scheme-id': [{}],
  'bad-form': [{}],
  'duplicate-id': [{ id: 'de', also: ['items', 0, 'id'] }],
  'points-need-column': [{}],
  'min-above-max': [{}],
  'range-reversed': [{}],
  'no-ballot-option': [{ option: '优' }],
  'no-item': [{ id: 'chidao' }],
  'no-group': [{ id: 'de' }],
  'group-loop': [{ ids: ['a', 'b', 'a'] }],
  'weighted-holds-groups': [{}],
  'weighted-needs-items': [{}],
  'weighted-needs-weights': [{}],
  'unknown-field': [{ ref: 'nope', expr: 'nope + 1' }],
  'bad-expr': Object.values(EXPR).map((p) => ({ expr: 'de + (neng', at: 10, problem: p })),
  'computed-loop': [{ ids: ['a', 'b', 'a'] }],
  'no-computed': [{ id: 'zongfen' }],
  'duplicate-grade': [{ grade: '好' }],
  'unknown-grade': [
    { grade: '优', annual: false },
    { grade: '超好', annual: true },
  ],
  'needs-grade': [{ effect: 'direct-grade' }],
  'condition-needs-match': [{}],
  'no-condition': [{ id: 'veto' }],
  'no-education-level': [{ level: '博士后' }],
  'needs-bands': [{}],
  'needs-grades': [{}],
  'quota-needs-bound': [{}],
  'duplicate-word': [{ word: '合格' }],
  'rated-needs-grades': [{}],
};

/** Where a problem may be: the file, a key, an entry, a key of an entry, lists nested in lists. */
const PATHS: SchemePath[] = [
  [],
  ['period', 'days'],
  ['items', 0],
  ['quotas', 1, 'max'],
  ['conditions', 2, 'match', 'keywords', 0],
  ['odd', 3],
];

/** Sample data of every measure of a scheme's fit, one per branch its words take. */
const FIT_REASONS: { [C in FitCode]: Extract<FitReason, { code: C }>[] } = {
  columns: [
    { code: 'columns', accounted: 21, of: 21, items: 17, others: [] },
    { code: 'columns', accounted: 1, of: 3, items: 1, others: ['民主测评得分（30分）', '总得分（60分）'] },
    { code: 'columns', accounted: 0, of: 7, items: 0, others: ['甲', '乙', '丙', '丁', '戊', '己', '庚'] },
  ],
  maxima: [
    { code: 'maxima', equal: 19, differ: [] },
    { code: 'maxima', equal: 0, differ: [{ column: '领导评价得分（30分）', header: 30, scheme: 100 }] },
    { code: 'maxima', equal: 2, differ: [{ column: '德（25分）', header: 25, scheme: 20 }] },
  ],
  totals: [
    { code: 'totals', reproduced: 5, of: 5 },
    { code: 'totals', reproduced: 4, of: 5 },
  ],
  grades: [
    { code: 'grades', known: ['好', '较好'], unknown: [] },
    { code: 'grades', known: [], unknown: ['好', '较好'] },
    { code: 'grades', known: ['优秀'], unknown: ['好'] },
  ],
  graded: [
    { code: 'graded', agree: 3, of: 3 },
    { code: 'graded', agree: 0, of: 4 },
  ],
  missing: [{ code: 'missing', columns: ['思想政治素质', '职业道德'] }],
  unconfirmed: [{ code: 'unconfirmed' }],
};

const fit = (score: number, clear: boolean, reasons: FitReason[]): Fit => ({ scheme: 'gwy-2020', score, clear, reasons });
const clearFit = fit(1, true, [FIT_REASONS.columns[0]!, FIT_REASONS.totals[0]!]);
const unclearFit = fit(0.3, false, [FIT_REASONS.columns[1]!, FIT_REASONS.maxima[1]!, FIT_REASONS.missing[0]!]);

describe('the words files', () => {
  it('have the same rules as the table, each with a name in both languages', () => {
    expect(Object.keys(zh.rules).sort()).toEqual(Object.keys(RULES).sort());
    expect(Object.keys(en.rules).sort()).toEqual(Object.keys(RULES).sort());
    expect(Object.keys(ISSUES).sort()).toEqual(Object.keys(RULES).sort());
    for (const r of Object.keys(RULES) as RuleId[]) {
      expect(ruleName(r, 'zh')).toMatch(CJK);
      expect(ruleName(r, 'en')).toMatch(/^[A-Z][^\u3000-\u9fff]*$/);
    }
  });

  it.each(Object.entries(ISSUES))('say every issue of %s in both languages', (rule, samples) => {
    for (const sample of samples) {
      const d = { rule, ...sample } as IssueDataOf<RuleId>;
      const [z, e] = [words(d, 'zh'), words(d, 'en')];
      expectSaid(z.message, e.message, d);
      expectSaid(z.fix, e.fix, d);
    }
  });

  it('name no command-line flag: the pane shows the same words, and the command line adds its own hints', () => {
    const said = Object.entries(ISSUES).flatMap(([rule, samples]) =>
      samples.flatMap((sample) => {
        const d = { rule, ...sample } as IssueDataOf<RuleId>;
        return (['zh', 'en'] as const).flatMap((l) => [words(d, l).message, words(d, l).fix]);
      }),
    );
    expect(said.filter((t) => /(^|\s)--[a-z]/.test(t))).toEqual([]);
    expect(words({ rule: 'annual-missing-period', name: null, periods: [3, 4], unit: 'quarter' }, 'zh').fix).toBe(
      '年度规则（如“全年均为好”“超过一半”）要看全年：缺少的考核期不作推断，只给出已有结果已能确定的限制；请补上对应工作表后再汇总',
    );
  });

  it('say every note in both languages', () => {
    expect(Object.keys(zh.notes).sort()).toEqual(Object.keys(NOTES).sort());
    expect(Object.keys(en.notes).sort()).toEqual(Object.keys(NOTES).sort());
    for (const n of Object.values(NOTES).flat()) expectSaid(noteText(n, 'zh'), noteText(n, 'en'), n);
  });

  it('say every scheme problem in both languages, wherever it is', () => {
    expect(Object.keys(zh.problems).sort()).toEqual(Object.keys(PROBLEMS).sort());
    expect(Object.keys(en.problems).sort()).toEqual(Object.keys(PROBLEMS).sort());
    expect(Object.keys(NAMES_ITS_KEY).sort()).toEqual(Object.keys(PROBLEMS).sort());
    expect(Object.keys(zh.expr).sort()).toEqual(Object.keys(EXPR).sort());
    expect(Object.keys(en.expr).sort()).toEqual(Object.keys(EXPR).sort());
    for (const [code, samples] of Object.entries(PROBLEMS) as [ProblemCode, ProblemData[ProblemCode][]][]) {
      for (const data of samples) {
        for (const path of PATHS) {
          const p = problem(code, path, data);
          expectSaid(problemText(p, 'zh'), problemText(p, 'en'), data);
        }
      }
    }
  });

  it('say every measure of a fit, and how a scheme was chosen, in both languages', () => {
    expect(Object.keys(zh.fit.reasons).sort()).toEqual(Object.keys(FIT_REASONS).sort());
    expect(Object.keys(en.fit.reasons).sort()).toEqual(Object.keys(FIT_REASONS).sort());
    for (const r of Object.values(FIT_REASONS).flat()) expectSaid(fitReasonText(r, 'zh'), fitReasonText(r, 'en'), r);
    for (const source of ['argument', 'workbook', 'preset', 'inferred'] as SchemeSource[]) {
      for (const f of [clearFit, unclearFit, null])
        expectSaid(schemeSentence(source, 'gwy-2020', f, 'zh'), schemeSentence(source, 'gwy-2020', f, 'en'), f);
    }
    const tie = [fit(1, true, []), { ...fit(1, true, []), scheme: 'five-dims' }];
    for (const closest of [[unclearFit], tie, []]) expectSaid(noFitSentence(closest, 'zh'), noFitSentence(closest, 'en'), closest);
    // What they say, from the data.
    expect(schemeSentence('preset', 'gwy-2020', clearFit, 'zh')).toBe('按表头识别：gwy-2020，17 个分项和总分全部对上');
    expect(schemeSentence('workbook', 'gwy-2020', unclearFit, 'zh')).toBe(
      '按工作簿中保存的方案：gwy-2020；与本表不太相符：缺少方案需要的列：思想政治素质、职业道德',
    );
    expect(schemeSentence('inferred', '本表', null, 'zh')).toBe('没有相符的内置方案，已按本表推断');
    expect(fitReasonText(FIT_REASONS.columns[2]!, 'zh')).toBe('表中 7 个分数和等次列只认出 0 个（未认出：甲、乙、丙、丁、戊 等 7 列）');
    expect(noFitSentence([unclearFit], 'en')).toBe(
      'No built-in scheme fits: the closest is gwy-2020, but the sheet lacks columns the scheme needs: 思想政治素质, 职业道德',
    );
  });

  it('say where a problem is in words: the lists by name and 1-based position, then the key', () => {
    const max = problem('wrong-type', ['quotas', 0, 'max'], { expected: 'number' });
    expect(problemText(max, 'zh')).toBe('第 1 个名额：max 应为数字');
    expect(problemText(max, 'en')).toBe('quota 1: max must be a number');
    const keyword = problem('too-small', ['conditions', 2, 'match', 'keywords', 0], { of: 'text', min: 1, inclusive: true });
    expect(problemText(keyword, 'zh')).toBe('第 3 个条件的第 1 个关键词：这一项不能为空');
    expect(problemText(keyword, 'en')).toBe('condition 3, keyword 1: it must not be empty');
    // A problem whose words do not name the key is said after the whole place.
    const group = problem('no-group', ['items', 1, 'group'], { id: 'xx' });
    expect(problemText(group, 'zh')).toBe('第 2 个分项的 group：没有 id 为“xx”的维度');
    expect(problemText(group, 'en')).toBe('group of item 2: no group "xx"');
  });

  it('name every list of a scheme file, in both languages', () => {
    const lists: string[] = [];
    /** `at`: the keys since the nearest list entry (or the file), as the path words look them up. */
    const walk = (schema: unknown, at: string[]): void => {
      if (!schema || typeof schema !== 'object') return;
      const s = schema as Record<string, unknown>;
      for (const sub of ['anyOf', 'oneOf', 'allOf'] as const) for (const x of (s[sub] as unknown[]) ?? []) walk(x, at);
      if (s['type'] === 'array' || s['items']) {
        lists.push(at.join('.'));
        walk(s['items'], []);
      }
      for (const [k, v] of Object.entries((s['properties'] as Record<string, unknown>) ?? {})) walk(v, [...at, k]);
      if (typeof s['additionalProperties'] === 'object') walk(s['additionalProperties'], [...at, '*']);
    };
    walk(schemeJsonSchema(), []);
    expect(lists.length).toBeGreaterThan(30);
    for (const w of [zh, en]) {
      const unnamed = lists.filter((key) => !(w.path.nouns[key] ?? w.path.nouns[key.split('.').pop()!]));
      expect(unnamed).toEqual([]);
    }
  });

  it('put a scheme error on one line: the first problems, and how many in all when some are left out', () => {
    const five = new SchemeError(
      [0, 1, 2, 3, 4].map((i) => problem('min-above-max', ['items', i], {})),
      'en',
    );
    expect(schemeErrorText(five, 'zh')).toBe(
      '第 1 个分项：最低分高于满分；第 2 个分项：最低分高于满分；第 3 个分项：最低分高于满分（共 5 处）',
    );
    expect(schemeErrorText(five, 'en', 2)).toBe('item 1: min is above max; item 2: min is above max (5 in all)');
    expect(schemeErrorText(five, 'en', 5)).not.toContain('in all');
    expect(five.message).toBe(schemeErrorText(five, 'en', 5));
  });

  it('are the ones docs/rules.md lists, with the same severity, write blocking and names', () => {
    const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8');
    const rows = doc
      .split('\n')
      .filter((l) => /^\| `[a-z-]+` +\|/.test(l))
      .map((l) => l.split('|').map((c) => c.trim()));
    expect(rows.map((r) => r[1]!.replace(/`/g, '')).sort()).toEqual(Object.keys(RULES).sort());
    for (const [, id, severity, blocks, zhName, enName] of rows) {
      const rule = id!.replace(/`/g, '') as RuleId;
      expect([rule, severity, blocks, zhName, enName]).toEqual([
        rule,
        RULES[rule].severity,
        RULES[rule].blocksWrite ? 'yes' : 'no',
        ruleName(rule, 'zh'),
        ruleName(rule, 'en'),
      ]);
    }
  });
});
