/**
 * The 方案 view's edits of the rules beyond items, bands and quotas (#18): a band's bound included
 * or not, direct grades and vetoes, who gets no grade (by keywords or by days of leave), the rated
 * items' words, the year's periods, what its total takes from them, its rules and its quotas —
 * each made as the view makes it, on gwy-2020 and hebei-abcd, giving a scheme valid against the
 * published scheme.schema.json, said in the words the view shows beside the field, and read back
 * from its 方案说明表 equal to itself (every seed preset too).
 */
import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { editScheme } from '../../src/app';
import { checkGrid, describeScheme, formLayout, type Grid, rollUpYear, type Scheme, schemeForm, schemeOnSheet } from '../../src/engine';
import { allPresets, preset } from '../../src/schemes';
import { checkDraft, type Draft, draftOf, getIn, moved, setIn, withList } from '../../src/taskpane/scheme-draft';
import {
  addAnnualQuota,
  addAnnualRule,
  addCondition,
  addDeduction,
  addItem,
  addLeaveCondition,
  addRated,
  annualTest,
  hasLeaveRule,
  leaveKindsOf,
  ratedWords,
  setAnnualEffect,
  setAnnualTest,
  setCombine,
  setConditionEffect,
  setLeaveKind,
  setLeaveLimit,
  setQuotaBound,
  withRatedWords,
} from '../../src/taskpane/scheme-rules';
import { gridOf, gwySheet } from '../helpers/sheets';
import { numberOf, pointsOf, pointsText } from '../../src/taskpane/views/scheme-typed';

const gwy = preset('gwy-2020')!;
const hebei = preset('hebei-abcd')!;
const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', 'src', 'schemes', 'scheme.schema.json'), 'utf8'));
const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
const lines = (s: Scheme): string[] => describeScheme(s, 'zh').flatMap((x) => x.lines.map((l) => l.text));
const at = (s: Scheme | Draft, id: string): number =>
  ((s as { conditions: { id: string }[] }).conditions ?? []).findIndex((c) => c.id === id);

/** The draft as the view saves it: loaded as the office's copy, valid against the published schema, and read back equal from its 方案说明表. */
function saved(base: Scheme, d: Draft): Scheme {
  const checked = checkDraft(base, d, 'zh');
  expect([...checked.fields.entries()]).toEqual([]);
  const s = checked.scheme!;
  const json = JSON.parse(JSON.stringify(s));
  expect(validate(json) ? [] : validate.errors).toEqual([]);
  const layout = formLayout(schemeForm(s, 'zh'));
  const grid: Grid = { sheet: '方案说明表', top: 1, left: 1, values: layout.values, merges: [] };
  const onSheet = schemeOnSheet(grid)!;
  expect(editScheme(JSON.parse(onSheet.text), { settings: [], locale: 'zh' })).toEqual(s);
  expect(onSheet.lines).toEqual(lines(s));
  return s;
}

describe('a band bound included or not', () => {
  it('says 好 over 90 (not 90 itself) and 较好 up to and including 90, and leaves no gap', () => {
    let d = setIn(draftOf(gwy), ['grading', 'bands', 0, 'minInclusive'], false);
    d = setIn(d, ['grading', 'bands', 1, 'maxInclusive'], true);
    const s = saved(gwy, d);
    expect(lines(s)).toContain('好：高于 90 分');
    expect(lines(s)).toContain('较好：75 分及以上、90 分及以下');
    expect(checkDraft(gwy, d, 'zh').blocked).toBe(false);
  });

  it('refuses a gap made by excluding a bound on both sides: 90 itself has no grade', () => {
    const d = setIn(draftOf(gwy), ['grading', 'bands', 0, 'minInclusive'], false);
    const checked = checkDraft(gwy, d, 'zh');
    expect(checked.blocked).toBe(true);
    expect(checked.sections.grades?.join()).toContain('90');
  });
});

describe('direct grades, vetoes and who gets no grade', () => {
  it('changes a direct grade and its keywords, and adds a condition the office has', () => {
    const i = at(gwy, 'refused-arrangement');
    let d = setIn(draftOf(gwy), ['conditions', i, 'grade'], '一般');
    d = setIn(d, ['conditions', i, 'match', 'keywords'], ['拒不服从']);
    d = addCondition(d, 'no-grade', undefined);
    const n = (d as { conditions: unknown[] }).conditions.length - 1;
    // Empty until the user writes the reason and a keyword: both said beside their fields, nothing saved.
    const empty = checkDraft(gwy, d, 'zh');
    expect(empty.scheme).toBeNull();
    expect([...empty.fields.keys()].sort()).toEqual([`conditions.${n}.match`, `conditions.${n}.reason`]);
    d = setIn(d, ['conditions', n, 'reason'], '脱产外出学习半年以上，不定等次');
    d = setIn(d, ['conditions', n, 'match', 'keywords'], ['脱产学习', '外派学习']);
    d = setIn(d, ['conditions', n, 'match', 'unless'], ['已返回']);
    const s = saved(gwy, d);
    expect(s.conditions[i]).toMatchObject({ effect: 'direct-grade', grade: '一般', match: { keywords: ['拒不服从'] } });
    expect(lines(s).filter((l) => l.includes('脱产学习'))).toEqual([
      '不定等次：脱产外出学习半年以上，不定等次（备注中出现：脱产学习、外派学习）',
    ]);
  });

  it('gives a grade where the new effect needs one and drops it where it has none', () => {
    const i = at(gwy, 'probation');
    const capped = setConditionEffect(draftOf(gwy), i, 'max-grade', ['好', '较好', '一般', '较差']);
    expect(saved(gwy, capped).conditions[i]).toMatchObject({ effect: 'max-grade', grade: '好' });
    const j = at(gwy, 'urgent-tasks');
    const flagged = setConditionEffect(draftOf(gwy), j, 'flag', ['好']);
    const s = saved(gwy, flagged);
    expect(s.conditions[j]!.effect).toBe('flag');
    expect(s.conditions[j]!.grade).toBeUndefined();
  });

  it('adds a rated item (廉：一票否决), its ladder words its own once one is changed, and what a veto means', () => {
    let d = addRated(draftOf(gwy), '评价项');
    expect(ratedWords(d, 0).map((w) => [w.word, w.effect])).toEqual([
      ['合格', 'none'],
      ['基本合格', 'not-top'],
      ['不合格', 'lowest'],
      ['否决', 'veto'],
    ]);
    d = setIn(d, ['rated', 0, 'label'], '廉洁自律');
    d = setIn(d, ['rated', 0, 'veto'], 'not-top');
    d = withRatedWords(d, 0, (ws) => [...ws.filter((w) => w.word !== '基本合格'), { word: '严重违纪', synonyms: [], effect: 'veto' }]);
    const s = saved(gwy, d);
    expect(s.rated[0]).toMatchObject({ id: 'rated_1', label: '廉洁自律', veto: 'not-top' });
    expect(lines(s)).toContain(
      '廉洁自律（不计分）：合格不影响等次；不合格定为最低等次；否决一票否决，不能评为最高等次；严重违纪一票否决，不能评为最高等次',
    );
    // A word written twice is named beside the word, not saved.
    const twice = withRatedWords(d, 0, (ws) => [...ws, { word: '合格', synonyms: [], effect: 'none' }]);
    expect([...checkDraft(gwy, twice, 'zh').fields.keys()]).toEqual(['rated.0.words.4']);
  });
});

describe('the annual rules', () => {
  it("changes a rule's count, its grade, and turns one into a run and one into a score", () => {
    // gwy-2020: has-yiban (一般 or 较差 at least once → at best 称职) made twice; all-hao kept.
    let d = setIn(draftOf(gwy), ['annual', 'rules', 2, 'when', 'value'], 2);
    d = setAnnualEffect(d, 2, 'grade');
    d = setIn(d, ['annual', 'rules', 2, 'grade'], '基本称职');
    d = setAnnualTest(d, 3, 'run', ['好', '较好', '一般', '较差']);
    expect(annualTest(d, 3)).toBe('run');
    d = setIn(d, ['annual', 'rules', 3, 'when', 'consecutive'], 3);
    d = addAnnualRule(d, '平时得分不足 70 分的不得评为优秀', ['好', '较好', '一般', '较差']);
    d = setAnnualTest(d, 6, 'score', []);
    d = setIn(d, ['annual', 'rules', 6, 'scoreBelow'], 70);
    const s = saved(gwy, d);
    const annual = describeScheme(s, 'zh')
      .find((x) => x.key === 'annual')!
      .lines.map((l) => l.text);
    expect(annual).toContain('有一般或较差等次，年度考核不能确定为优秀（按规则：一般、较差的次数不少于 2 次时，年度定为基本称职）');
    expect(annual[4]).toMatch(/（按规则：连续 3 个考核期为一般、较差时，年度最高定为基本称职）$/);
    expect(annual).toContain('平时得分不足 70 分的不得评为优秀（按规则：平时得分低于 70 分时，年度最高定为称职）');
  });

  it('a flag has no grade; a grade the year does not have is named beside the rule', () => {
    const flagged = setAnnualEffect(draftOf(hebei), 0, 'flag');
    expect(saved(hebei, flagged).annual!.rules[0]).not.toHaveProperty('grade');
    const wrong = setIn(draftOf(hebei), ['annual', 'rules', 1, 'when', 'grades'], ['C', 'E']);
    expect([...checkDraft(hebei, wrong, 'zh').fields.entries()]).toEqual([
      ['annual.rules.1.when.grades.1', '第 2 条年度规则的第 2 个等次：“E”不是方案中的等次'],
    ]);
  });
});

describe('the leave rules: the kinds of leave whose days add up, the limit, what follows', () => {
  // 孙晓's 病假32天，事假18天 make 50 days, over half of 91; 李明's 病假40天 alone are not.
  const { grid } = gwySheet([
    { name: '孙晓', base: 88, remark: '病假32天，事假18天' },
    { name: '李明', base: 86, remark: '病假40天' },
    { name: '王芳', base: 92 },
  ]);
  const statusOf = (s: Scheme, name: string) => {
    const p = checkGrid(grid, s)!.people.find((x) => x.name === name)!;
    return [p.status, p.grade];
  };
  const i = at(gwy, 'long-leave');

  it('counts sick leave only, then over 30 days instead of half the period: who gets no grade follows', () => {
    expect(statusOf(gwy, '孙晓')).toEqual(['ungraded', null]);
    expect(statusOf(gwy, '李明')).toEqual(['graded', '较好']);
    // 事假 and 病事假 unticked: 孙晓's 32 days of sick leave are not over 45.5.
    let d = setLeaveKind(draftOf(gwy), i, '事假', false);
    d = setLeaveKind(d, i, '病事假', false);
    const sickOnly = saved(gwy, d);
    expect(sickOnly.conditions[i]!.match.leave).toEqual({ kinds: ['病假'], over: 'half-period' });
    expect(lines(sickOnly).filter((l) => l.includes('病假累计'))).toEqual([
      '不定等次：病、事假累计超过考核周期一半，只写评语，不确定等次（探亲、婚丧、产假、护理假、年休假不计入）（病假累计超过考核期一半）',
    ]);
    expect(statusOf(sickOnly, '孙晓')).toEqual(['graded', '较好']);
    // A number of days: it starts at half the period's days (45), then 30 — 李明's 40 days are over it.
    d = setLeaveLimit(d, i, 'days', 91);
    expect(getIn(d, ['conditions', i, 'match', 'leave', 'over'])).toBe(45);
    d = setIn(d, ['conditions', i, 'match', 'leave', 'over'], 30);
    const thirty = saved(gwy, d);
    expect(lines(thirty).filter((l) => l.includes('病假累计'))).toEqual([
      '不定等次：病、事假累计超过考核周期一半，只写评语，不确定等次（探亲、婚丧、产假、护理假、年休假不计入）（病假累计超过 30 天）',
    ]);
    expect([statusOf(thirty, '孙晓'), statusOf(thirty, '李明'), statusOf(thirty, '王芳')]).toEqual([
      ['ungraded', null],
      ['ungraded', null],
      ['graded', '好'],
    ]);
    // Back to half the period: the number goes.
    expect(getIn(setLeaveLimit(d, i, 'half-period', 91), ['conditions', i, 'match', 'leave', 'over'])).toBe('half-period');
  });

  it('makes a leave rule cap the grade instead (at best 一般), and the period shorter (李明 over half of 70 days)', () => {
    let d = setConditionEffect(draftOf(gwy), i, 'max-grade', ['好', '较好', '一般', '较差']);
    d = setIn(d, ['conditions', i, 'grade'], '一般');
    d = setIn(d, ['period', 'days'], 70);
    const s = saved(gwy, d);
    expect(lines(s)).toContain('考核期按 70 天计（病、事假是否超过考核期一半按此计算）');
    expect(statusOf(s, '李明')).toEqual(['graded', '一般']);
    expect(statusOf(s, '孙晓')).toEqual(['graded', '一般']);
    expect(statusOf(s, '王芳')).toEqual(['graded', '好']);
  });

  it('adds a leave rule of its own, and names beside the fields a rule counting no leave or no days', () => {
    let d = addLeaveCondition(draftOf(gwy), 'no-grade', undefined);
    const n = (d as { conditions: unknown[] }).conditions.length - 1;
    expect(getIn(d, ['conditions', n, 'match', 'leave'])).toEqual({ kinds: ['病假', '事假', '病事假'], over: 'half-period' });
    // The kinds offered: those remarks are read for, then any other the rule names (gwy's 工伤假, to be unticked).
    expect(leaveKindsOf(d, n).slice(0, 4)).toEqual(['病事假', '工伤病假', '病假', '事假']);
    expect(leaveKindsOf(draftOf(gwy), at(gwy, 'work-injury-leave')).at(-1)).toBe('工伤假');
    expect([...checkDraft(gwy, d, 'zh').fields.keys()]).toEqual([`conditions.${n}.reason`]);
    d = setIn(d, ['conditions', n, 'reason'], '脱产进修，病事假另计');
    for (const k of ['病假', '事假', '病事假']) d = setLeaveKind(d, n, k, false);
    d = setLeaveLimit(d, n, 'days', 91);
    d = setIn(d, ['conditions', n, 'match', 'leave', 'over'], 0);
    expect([...checkDraft(gwy, d, 'zh').fields.keys()].sort()).toEqual([
      `conditions.${n}.match.leave.kinds`,
      `conditions.${n}.match.leave.over`,
    ]);
    d = setLeaveKind(setIn(d, ['conditions', n, 'match', 'leave', 'over'], 60), n, '产假', true);
    expect(hasLeaveRule(d)).toBe(true);
    expect(saved(gwy, d).conditions[n]!.match.leave).toEqual({ kinds: ['产假'], over: 60 });
  });
});

describe('the year: its periods, what its total takes from them, its quotas', () => {
  // Four quarters of ten people, four of them 好 every quarter: all four may be 优秀 by the rules.
  const { grid } = gwySheet([96, 95, 94, 93, 88, 87, 86, 85, 84, 83].map((base, k) => ({ name: `人员${k + 1}`, base })));
  const year = (s: Scheme, quarters = 4) => {
    const periods = Array.from({ length: quarters }, (_x, k) => ({ sheet: `第${k + 1}季度`, index: k + 1, grid }));
    const out = rollUpYear({ scheme: s, periods, others: [], overrides: () => ({}) });
    if (!out.ok) throw new Error(`${out.sheet} not read`);
    return out.year;
  };

  it("makes 优秀 at most 10% of the year, then 3 places, and the year's quota line follows", () => {
    expect(year(gwy).quotas.map((q) => [q.grades, q.count, q.limit])).toEqual([[['优秀'], 4, 2]]);
    let d = setIn(draftOf(gwy), ['annual', 'quotas', 0, 'max'], 0.1);
    d = setIn(d, ['annual', 'quotas', 0, 'severity'], 'error');
    const tenth = saved(gwy, d);
    expect(lines(tenth)).toContain('优秀不超过 10%，按全单位计算，人数向下取整');
    expect(year(tenth).quotas.map((q) => [q.count, q.limit])).toEqual([[4, 1]]);
    // A share to places: the number is left for the user (a share is not a number of people), named beside it until typed.
    d = setQuotaBound(d, ['annual', 'quotas', 0], 'maxPlaces');
    expect([...checkDraft(gwy, d, 'zh').fields.keys()]).toEqual(['annual.quotas.0.maxPlaces']);
    d = setIn(d, ['annual', 'quotas', 0, 'maxPlaces'], 3);
    const places = saved(gwy, d);
    expect(lines(places)).toContain('优秀不超过 3 人，按全单位计算');
    expect(year(places).quotas.map((q) => [q.count, q.limit])).toEqual([[4, 3]]);
  });

  it('adds an annual quota of the top annual grade, and names a grade the year does not have', () => {
    let d = addAnnualQuota(draftOf(hebei));
    expect(getIn(d, ['annual', 'quotas'])).toEqual([{ grades: ['优秀'], max: 0.2, severity: 'warning' }]);
    d = setIn(d, ['annual', 'quotas', 0, 'rounding'], 'round');
    d = setIn(d, ['annual', 'quotas', 0, 'atLeastOne'], true);
    const s = saved(hebei, d);
    expect(lines(s)).toContain('优秀不超过 20%，至少 1 人，按全单位计算，人数四舍五入（提醒，不作为错误）');
    const wrong = setIn(d, ['annual', 'quotas', 0, 'grades'], ['好']);
    expect([...checkDraft(hebei, wrong, 'zh').fields.entries()]).toEqual([
      ['annual.quotas.0.grades.0', '第 1 个年度名额的第 1 个等次：“好”不是方案中的年度等次'],
    ]);
  });

  it('counts three periods a year, and what the annual total takes from them', () => {
    // Three quarters held where the year has four: the fourth is said missing; a year of three has none missing.
    const missing = (s: Scheme) => year(s, 3).issues.filter((x) => x.rule === 'annual-missing-period').length;
    expect(missing(gwy)).toBe(1);
    const three = saved(gwy, setIn(draftOf(gwy), ['annual', 'periods'], 3));
    expect(lines(three)).toContain('全年 3 个考核期；年度等次：优秀、称职、基本称职、不称职');
    expect(missing(three)).toBe(0);
    expect([...checkDraft(gwy, setIn(draftOf(gwy), ['annual', 'periods'], 0), 'zh').fields.keys()]).toEqual(['annual.periods']);

    let d = setIn(draftOf(hebei), ['annual', 'periodScore', 'weight'], 0.5);
    d = setIn(d, ['annual', 'periodScore', 'from'], 'totals');
    const s = saved(hebei, d);
    expect(s.annual!.periodScore).toEqual({ from: 'totals', weight: 0.5 });
    expect(lines(s)).toContain('年度成绩中，平时考核成绩（各期总分的平均）占 50%');
  });
});

describe('every seed preset through its 方案说明表', () => {
  it('reads each back equal to itself, leave rules, annual quotas, periods and parts included', () => {
    const presets = allPresets();
    // What this must cover: presets with leave rules, annual quotas, a period score and annual parts.
    expect(presets.filter((p) => p.conditions.some((c) => c.match.leave)).length).toBeGreaterThanOrEqual(5);
    expect(presets.filter((p) => (p.annual?.quotas.length ?? 0) > 0).map((p) => p.id)).toContain('gwy-2020');
    expect(
      presets
        .filter((p) => p.annual?.annualParts)
        .map((p) => p.id)
        .sort(),
    ).toEqual(['xiang-jixiao', 'xicheng-sifa']);
    for (const p of presets) {
      const s = saved(p, draftOf(p));
      expect(s.conditions.map((c) => c.match.leave)).toEqual(p.conditions.map((c) => c.match.leave));
      expect(s.annual).toEqual(p.annual);
      expect(s.period).toEqual(p.period);
    }
    expect(lines(preset('xiang-jixiao')!)).toContain('年度成绩加上奖惩分（-20 分及以上、20 分及以下）');
  });
});

describe('the stated total and how the total is rounded', () => {
  it('raises a dimension and the stated total with an item, and the maxima add up again', () => {
    const i = (gwy.items as { label: string }[]).findIndex((x) => x.label === '思想政治素质');
    const d = setIn(draftOf(gwy), ['items', i, 'max'], 8);
    expect(checkDraft(gwy, d, 'zh').sections.items?.length).toBeGreaterThan(0);
    const g = gwy.groups.findIndex((x) => x.id === gwy.items[i]!.group);
    const fixed = setIn(setIn(d, ['groups', g, 'max'], 22), ['scale', 'max'], 102);
    expect(checkDraft(gwy, fixed, 'zh').sections.items).toBeUndefined();
    expect(lines(saved(gwy, fixed))).toContain('满分 102 分（加减分另计）');
  });

  it('grades a total of 89.5 as 较好 with two decimals and as 好 once the total is a whole number', () => {
    const { grid } = gwySheet([{ name: '陈静', base: 89.5 }]);
    const gradeOf = (s: Scheme) => checkGrid(grid, s)!.people[0]!.grade;
    expect(gradeOf(gwy)).toBe('较好');
    const whole = saved(gwy, setIn(draftOf(gwy), ['total', 'decimals'], 0));
    expect(lines(whole)).toContain('总分取整数');
    expect(gradeOf(whole)).toBe('好');
  });
});

describe('the items: added, renamed, moved and removed', () => {
  it('gives 德 a fifth item of 2 points in place of 家庭美德, first in the list, and the maxima add up again', () => {
    let d = addItem(draftOf(gwy), 'de', '新分项');
    const n = gwy.items.length;
    expect(getIn(d, ['items', n])).toEqual({ id: `item_${n + 1}`, label: `新分项${n + 1}`, max: 0, group: 'de' });
    d = setIn(d, ['items', n, 'label'], '遵纪守法');
    d = setIn(d, ['items', n, 'max'], 4);
    // 德 now adds up to 24 of 20: said under the items until 家庭美德 (4) goes.
    expect(checkDraft(gwy, d, 'zh').sections.items?.join()).toContain('德');
    for (let k = n; k > 0; k--) d = withList(d, ['items'], (l) => moved(l, k, -1));
    d = withList(d, ['items'], (l) => l.filter((x) => (x as { label: string }).label !== '家庭美德'));
    expect(checkDraft(gwy, d, 'zh').sections.items).toBeUndefined();
    const s = saved(gwy, d);
    expect(s.items.slice(0, 2).map((x) => [x.label, x.max, x.group])).toEqual([
      ['遵纪守法', 4, 'de'],
      ['思想政治素质', 6, 'de'],
    ]);
    expect(lines(s)).toContain('德 20 分：遵纪守法 4、思想政治素质 6、职业道德 4、社会公德 6');
    // An empty name is named beside the field, nothing saved.
    expect([...checkDraft(gwy, setIn(d, ['items', 0, 'label'], ''), 'zh').fields.keys()]).toEqual(['items.0.label']);
  });
});

describe('how a dimension makes its score from its items', () => {
  it('counts 廉 at weights: equal shares that add up to 1, maxima on the dimension scale, the total weighted', () => {
    const g = gwy.groups.findIndex((x) => x.label === '廉');
    const members = gwy.items.flatMap((it, i) => (it.group === 'lian' ? [i] : []));
    let d = setCombine(draftOf(gwy), g, 'weighted');
    expect(members.map((i) => getIn(d, ['items', i, 'weight']))).toEqual([0.33, 0.33, 0.34]);
    // 4, 3 and 3 points at those weights make 3.33 of 廉's 10: said under the items until each is out of 10.
    expect(checkDraft(gwy, d, 'zh').sections.items?.join()).toContain('廉');
    for (const i of members) d = setIn(d, ['items', i, 'max'], 10);
    d = setIn(d, ['items', members[0]!, 'weight'], 0.5);
    d = setIn(d, ['items', members[1]!, 'weight'], 0.2);
    d = setIn(d, ['items', members[2]!, 'weight'], 0.3);
    expect(checkDraft(gwy, d, 'zh').sections.items).toBeUndefined();
    const s = saved(gwy, d);
    expect(lines(s).find((l) => l.startsWith('廉'))).toBe(
      '廉 10 分，按权重折算：遵章守纪情况 × 50%、艰苦奋斗勤俭节约情况 × 20%、日常信访举报情况 × 30%',
    );
    // Every other item at its maximum (90 points), 廉's three scored 10, 5 and 10 on its scale.
    const scores = gwy.items.map((it) => (it.group === 'lian' ? 0 : it.max));
    [10, 5, 10].forEach((v, k) => (scores[members[k]!] = v));
    const { grid } = gwySheet([{ name: '陈静', items: scores }]);
    expect(checkGrid(grid, s)!.people[0]!.total).toBeCloseTo(90 + 10 * 0.5 + 5 * 0.2 + 10 * 0.3, 9);
  });

  it('adds 绩 up again in xiang-2015: the weights go and the 70 points over 35 are said under the items', () => {
    const xiang = preset('xiang-2015')!;
    const g = xiang.groups.findIndex((x) => x.id === 'ji');
    const d = setCombine(draftOf(xiang), g, 'sum');
    const members = xiang.items.flatMap((it, i) => (it.group === 'ji' ? [i] : []));
    expect(members.map((i) => getIn(d, ['items', i, 'weight']))).toEqual([undefined, undefined]);
    expect(checkDraft(xiang, d, 'zh').sections.items?.join()).toContain('70');
  });
});

describe('points taken or given per case', () => {
  const yining = preset('yining-zhucun')!;
  // yining-zhucun's 驻村干部 sheet (seed 000, 第十五条), its 迟到早退 columns only: 2 cases, 4 points taken, 96 left.
  const grid = gridOf([['驻村干部第一季度日常考核表'], ['序号', '姓名', '迟到早退次数', '迟到早退扣分', '得分'], [1, '王建国', 2, 4, 96]]);
  const late = yining.deductions.findIndex((x) => x.label === '迟到早退次数');

  it('costs 3 a case instead of 2, then at most 4 in all: the total and the points column follow', () => {
    let d = setIn(draftOf(yining), ['deductions', late, 'points'], pointsOf('3'));
    const dearer = saved(yining, d);
    expect(lines(dearer)).toContain('迟到早退次数：每次扣 3 分');
    const r = checkGrid(grid, dearer)!;
    expect(r.people[0]!.total).toBe(94);
    expect(r.issues.map((i) => i.cell)).toContain('D3');
    d = setIn(d, ['deductions', late, 'cap'], numberOf('4'));
    const capped = saved(yining, d);
    expect(lines(capped)).toContain('迟到早退次数：每次扣 3 分，最多 4 分');
    expect(checkGrid(grid, capped)!.people[0]!.total).toBe(96);
  });

  it('reads a range typed with either dash, shows it back, and adds a rule of 1 point a case from the total', () => {
    expect([pointsOf('1-3'), pointsOf('1～3'), pointsOf(' 2 '), pointsOf('')]).toEqual([
      { min: 1, max: 3 },
      { min: 1, max: 3 },
      2,
      undefined,
    ]);
    expect(pointsText({ min: 1, max: 3 })).toBe('1-3');
    let d = addDeduction(draftOf(gwy), '新扣分项');
    d = setIn(d, ['deductions', 0, 'label'], '迟到早退次数');
    d = setIn(d, ['deductions', 0, 'points'], pointsOf('0.5-1'));
    // Points chosen within a range need the column that says how many were taken, asked beside its field.
    expect([...checkDraft(gwy, d, 'zh').fields.keys()]).toEqual(['deductions.0.pointsColumn']);
    d = setIn(d, ['deductions', 0, 'pointsColumn'], { label: '迟到早退扣分', synonyms: [] });
    const s = saved(gwy, d);
    expect(lines(s)).toContain('迟到早退次数：每次扣 0.5–1 分');
    expect(s.deductions[0]).toMatchObject({ id: 'deduction_1', points: { min: 0.5, max: 1 }, direction: 'deduct' });
  });
});
