/**
 * The 方案 view's edits of the rules beyond items, bands and quotas (#18): a band's bound included
 * or not, direct grades and vetoes, who gets no grade, the rated items' words and the year's rules —
 * each made as the view makes it, on gwy-2020 and hebei-abcd, giving a scheme valid against the
 * published scheme.schema.json, said in the words the view shows beside the field, and read back
 * from its 方案说明表 equal to itself.
 */
import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { editScheme } from '../../src/app';
import { describeScheme, formLayout, type Grid, type Scheme, schemeForm, schemeOnSheet } from '../../src/engine';
import { preset } from '../../src/schemes';
import { checkDraft, type Draft, draftOf, setIn } from '../../src/taskpane/scheme-draft';
import {
  addAnnualRule,
  addCondition,
  addRated,
  annualTest,
  ratedWords,
  setAnnualEffect,
  setAnnualTest,
  setConditionEffect,
  withRatedWords,
} from '../../src/taskpane/scheme-rules';

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
