/**
 * Rated items: columns written in words (合格/基本合格/不合格/否决) that carry rules, not scores.
 * Issue #15 item 3: a 德/廉 一票否决 sheet got not-a-number in every 德 and 廉 cell, and `grade`
 * replaced a correct 较差 (a 廉 veto) with 好.
 */
import { applyToGrid, buildPlan, checkGrid, type Results, type Scheme } from '../../src/engine';
import { noteText, words } from '../../src/engine/report/messages';
import { toReport } from '../../src/engine/report/report';
import { LADDERS } from '../../src/engine/scheme/model';
import { loadScheme, SchemeError, schemeErrorText } from '../../src/engine/scheme/load';
import { statedRating } from '../../src/engine/table/columns';
import { preset, rawPreset } from '../../src/schemes';
import { DE_LIAN_SCHEME, deLianSheet, gridOf } from '../helpers/sheets';

const DE_LIAN: Scheme = loadScheme(DE_LIAN_SCHEME, rawPreset);

const SHEET = deLianSheet([
  ['张三', '合格', 28, 27, 38, '合格', 93, '好'],
  ['李四', '合格', 29, 29, 39, '否决', 97, '较差'],
  ['王五', '不合格', 25, 24, 32, '合格', 81, '较好'],
  ['赵六', '基本合格', 28, 28, 37, '合格', 93, '好'],
  ['孙七', '合格', 20, 22, 30, '', 72, '一般'],
  ['周八', '合格', 27, 26, 36, '待定', 89, '较好'],
]);

const check = (grid = SHEET, s = DE_LIAN): Results => checkGrid(grid, s)!;
const rules = (r: Results) => r.issues.map((i) => [i.rule, i.cell]);

describe('a 德/廉 一票否决 sheet', () => {
  const r = check();
  const who = (name: string) => r.people.find((p) => p.name === name)!;

  it('reads 德 and 廉 as words of their ladders, never as not-a-number', () => {
    expect(r.issues.filter((i) => i.rule === 'not-a-number')).toEqual([]);
    expect(r.table.columns.filter((c) => c.role.kind === 'field').map((c) => [c.col, c.role])).toEqual([
      [3, { kind: 'field', id: 'de' }],
      [4, { kind: 'field', id: 'neng' }],
      [5, { kind: 'field', id: 'qin' }],
      [6, { kind: 'field', id: 'ji' }],
      [7, { kind: 'field', id: 'lian' }],
    ]);
    expect(r.people.map((p) => [p.name, p.ratings])).toEqual([
      ['张三', { de: '合格', lian: '合格' }],
      ['李四', { de: '合格', lian: '否决' }],
      ['王五', { de: '不合格', lian: '合格' }],
      ['赵六', { de: null, lian: '合格' }],
      ['孙七', { de: '合格', lian: null }],
      ['周八', { de: '合格', lian: null }],
    ]);
  });

  it('totals the scored items only, and grades by the bands where no word decides', () => {
    expect(r.people.map((p) => [p.name, p.total, p.grade, p.gradeFrom])).toEqual([
      ['张三', 93, '好', 'band'],
      ['李四', 97, '较差', 'direct'],
      ['王五', 81, '较差', 'direct'],
      ['赵六', 93, null, null],
      ['孙七', 72, '一般', 'band'],
      ['周八', 89, null, null],
    ]);
  });

  it('names the veto: 廉：否决 → 较差, and finds the sheet’s 较差 consistent', () => {
    expect(noteText(who('李四').reason!, 'zh')).toBe('廉：否决 → 较差');
    expect(noteText(who('李四').reason!, 'en')).toBe('Integrity: 否决 → 较差');
    expect(r.issues.filter((i) => i.row === who('李四').row)).toEqual([]);
    const json = toReport(r, 'zh').people.find((p) => p.name === '李四')!;
    expect([json.grade, json.gradeFrom, json.reason, json.ratings]).toEqual([
      '较差',
      'direct',
      '廉：否决 → 较差',
      { de: '合格', lian: '否决' },
    ]);
  });

  it('reports a sheet grade that ignores 德 不合格, with the reason', () => {
    const mismatch = r.issues.find((i) => i.rule === 'grade-mismatch')!;
    expect(mismatch.cell).toBe('I5');
    expect(words(mismatch, 'zh').message).toContain('德：不合格 → 较差');
  });

  it('reports a word the column does not list — the header lists 合格/不合格 only — and one no ladder knows', () => {
    expect(rules(r)).toEqual([
      ['grade-mismatch', 'I5'],
      ['unknown-rating', 'C6'],
      ['unknown-rating', 'G8'],
    ]);
    const [, de, lian] = r.issues;
    expect(words(de!, 'zh').message).toBe('德填的是“基本合格”，不是本栏的评价词（合格、不合格），无法据此确定等次');
    expect(words(lian!, 'zh').message).toBe('廉填的是“待定”，不是本栏的评价词（合格、基本合格、不合格、否决），无法据此确定等次');
    expect(words(lian!, 'en').message).toBe(
      'Integrity holds "待定", which is not one of its words (合格, 基本合格, 不合格, 否决); no grade can be derived from it',
    );
  });

  it('grade leaves the correct 较差 of a veto alone and writes no grade it cannot derive', () => {
    const plan = buildPlan(r, SHEET, { formulas: false });
    // 李四 (row 4) keeps 较差; 王五 (row 5) gets the 较差 his 德 不合格 gives; 赵六 and 周八 (unknown words) get nothing.
    expect(plan.writes.filter((w) => w.kind === 'grade').map((w) => [w.cell, w.before.value, w.after.value])).toEqual([
      ['I5', '较好', '较差'],
    ]);
    expect(plan.skipped.map((s) => [s.name, s.why])).toEqual([
      ['赵六', 'no-grade'],
      ['周八', 'no-grade'],
    ]);
    const again = check(applyToGrid(SHEET, plan));
    expect(again.people.find((p) => p.name === '李四')!.sheetGrade).toBe('较差');
    expect(rules(again)).toEqual([
      ['unknown-rating', 'C6'],
      ['unknown-rating', 'G8'],
    ]);
  });
});

describe('the header says what a rated column holds', () => {
  it('finds the words and the veto in brackets, and leaves other headers alone', () => {
    expect(statedRating('德（合格/不合格）')).toEqual({ label: '德', stated: { words: ['合格', '不合格'], veto: null } });
    expect(statedRating('廉（一票否决）')).toEqual({ label: '廉', stated: { words: [], veto: null } });
    expect(statedRating('廉政情况（合格、不合格）')).toEqual({ label: '廉政情况', stated: { words: ['合格', '不合格'], veto: null } });
    expect(statedRating('廉洁自律（一票否决，不得评为优秀）')).toEqual({ label: '廉洁自律', stated: { words: [], veto: 'not-top' } });
    expect(statedRating('思想政治素质（6分）')).toBeNull();
    expect(statedRating('备注（无）')).toBeNull();
    expect(statedRating('考核等次（好/较好/一般/较差）')).toBeNull();
  });

  it('maps 廉政情况（合格、不合格） and 廉洁自律（一票否决） by the rated item’s synonyms', () => {
    const grid = deLianSheet(
      [
        ['张三', '合格', 28, 27, 38, '合格', 93, '好'],
        ['李四', '合格', 29, 29, 39, '不合格', 97, '好'],
      ],
      ['思想品德（合格/不合格）', '能（30分）', '勤（30分）', '绩（40分）', '廉政情况（合格、不合格）'],
    );
    const r = check(grid);
    expect(r.table.columns.find((c) => c.col === 7)!.role).toEqual({ kind: 'field', id: 'lian' });
    expect(r.people.map((p) => [p.name, p.total, p.grade])).toEqual([
      ['张三', 93, '好'],
      ['李四', 97, '较差'],
    ]);
    expect(rules(r)).toEqual([['grade-mismatch', 'I4']]);
  });

  it('a veto that bars the top grade, as the header says (不得评为优秀), caps the grade instead', () => {
    // A 优秀/称职/基本称职/不称职 sheet (xiang-2015's ladder) with 廉洁自律 as its veto column.
    const s = loadScheme(
      {
        ...(DE_LIAN as object),
        id: 'lian-not-top',
        rated: [{ id: 'lian', label: '廉洁自律' }],
        grading: {
          labels: [{ label: '优秀' }, { label: '称职' }, { label: '基本称职' }, { label: '不称职' }],
          bands: [
            { grade: '优秀', min: 90 },
            { grade: '称职', min: 70, max: 90 },
            { grade: '基本称职', min: 60, max: 70 },
            { grade: '不称职', max: 60 },
          ],
        },
      },
      rawPreset,
    );
    const grid = gridOf([
      ['序号', '姓名', '能（30分）', '勤（30分）', '绩（40分）', '廉洁自律（一票否决，不得评为优秀）', '合计', '等次'],
      [1, '张三', 29, 29, 39, '否决', 97, '称职'],
      [2, '李四', 20, 22, 30, '否决', 72, '称职'],
      [3, '王五', 29, 28, 38, '', 95, '优秀'],
    ]);
    const r = check(grid, s);
    expect(r.people.map((p) => [p.name, p.total, p.grade, p.gradeFrom])).toEqual([
      ['张三', 97, '称职', 'cap'],
      ['李四', 72, '称职', 'band'],
      ['王五', 95, '优秀', 'band'],
    ]);
    expect(noteText(r.people[0]!.reason!, 'zh')).toBe('廉洁自律：否决 → 至多称职');
    expect(r.issues).toEqual([]);
  });

  it('a scheme whose 廉 is scored never reads 廉政建设（合格/不合格） as scores: the column is missing, not 20 not-a-numbers', () => {
    // five-dims scores 廉政建设 (10 分); this sheet writes it in words.
    const s = preset('five-dims')!;
    const grid = gridOf([
      ['序号', '姓名', '政治素质', '能力水平', '纪律作风', '廉政建设（合格/不合格）', '工作目标', '工作成效', '总分', '等次'],
      [1, '张三', 9, 9, 9, '合格', 9, 45, 81, '较好'],
      [2, '李四', 8, 8, 8, '不合格', 8, 40, 72, '一般'],
    ]);
    const r = check(grid, s);
    expect(r.table.columns.find((c) => c.col === 6)!.role).toEqual({ kind: 'ignored' });
    expect(r.issues.filter((i) => i.rule === 'not-a-number')).toEqual([]);
    expect(r.issues.filter((i) => i.rule === 'missing-column').map((i) => words(i, 'zh').message)).toEqual([
      expect.stringContaining('廉政建设'),
    ]);
  });
});

describe('rated items in the scheme model', () => {
  it('the default ladders are data: 合格 counts nothing, 基本合格 bars the top, 不合格 the lowest, 否决 vetoes', () => {
    expect(LADDERS.hege!.map((w) => [w.word, w.effect])).toEqual([
      ['合格', 'none'],
      ['基本合格', 'not-top'],
      ['不合格', 'lowest'],
      ['否决', 'veto'],
    ]);
    expect(LADDERS.youwu!.map((w) => [w.word, w.effect])).toEqual([
      ['无', 'none'],
      ['有', 'veto'],
    ]);
  });

  it('a scheme’s own words replace the ladder', () => {
    const s = loadScheme(
      {
        ...(DE_LIAN as object),
        id: 'own-words',
        rated: [
          {
            id: 'lian',
            label: '廉',
            words: [
              { word: '优', effect: 'none' },
              { word: '差', effect: 'veto' },
            ],
          },
        ],
      },
      rawPreset,
    );
    const grid = gridOf([
      ['序号', '姓名', '能（30分）', '勤（30分）', '绩（40分）', '廉', '合计', '等次'],
      [1, '张三', 29, 29, 39, '优', 97, '好'],
      [2, '李四', 29, 29, 39, '差', 97, '较差'],
      [3, '王五', 29, 29, 39, '合格', 97, '好'],
    ]);
    const r = check(grid, s);
    expect(r.people.map((p) => p.grade)).toEqual(['好', '较差', null]);
    expect(rules(r)).toEqual([['unknown-rating', 'F4']]);
  });

  it('refuses a word listed twice, a rated item in a scheme without grades, and an effect it does not know — in Chinese', () => {
    const bad = (patch: object): string => {
      try {
        loadScheme({ ...(DE_LIAN as object), id: 'bad', ...patch }, rawPreset);
      } catch (e) {
        if (e instanceof SchemeError) return schemeErrorText(e, 'zh');
        throw e;
      }
      throw new Error('loaded');
    };
    expect(
      bad({
        rated: [
          {
            id: 'lian',
            label: '廉',
            words: [
              { word: '合格', effect: 'none' },
              { word: '合格', effect: 'veto' },
            ],
          },
        ],
      }),
    ).toBe('第 1 个评价项的第 2 个评价词：评价词“合格”重复');
    expect(bad({ grading: { mode: 'none' } })).toBe('rated：方案不定等次（mode 为 "none"），评价项无法影响等次');
    expect(bad({ rated: [{ id: 'lian', label: '廉', words: [{ word: '差', effect: 'fail' }] }] })).toContain(
      '第 1 个评价项的第 1 个评价词',
    );
    expect(bad({ rated: [{ id: 'neng', label: '廉' }] })).toContain('neng');
  });
});
