/**
 * The reader of per-person forms (src/engine/table/form.ts): what it takes from each layout of
 * test/helpers/forms.ts, how it reads a grade (written, ☑ in a box, √ beside the word), what it
 * refuses (no name, a placeholder, two people), that a roster is not a form, and that a hostile
 * form (a 10,000-character 个人小结, a thousand merges) reads in bounded time.
 */
import { type Grid, readForm } from '../../src/engine';
import { periodIn, readGrade } from '../../src/engine/table/form';
import { quarterForm, registerForm, scoredBook } from '../helpers/forms';
import { gwySheet } from '../helpers/sheets';

const person = (g: Grid) => {
  const r = readForm(g);
  if (r.kind !== 'person') throw new Error(`${g.sheet}: ${r.kind}`);
  return r.person;
};
const cells = (...texts: (string | null)[]) => texts.map((value, i) => ({ value, row: 11, col: 2 + i }));

describe('readForm on the 公务员平时考核登记表', () => {
  it('reads name, unit, post, period and the box ticked, each with its cell', () => {
    const p = person(registerForm({ sheet: '张三', name: '张三', unit: '办公室', post: '一级科员', grade: '较好' }));
    expect(p.name).toEqual({ value: '张三', row: 3, col: 2 });
    expect([p.unit?.value, p.unit?.row, p.unit?.col]).toEqual(['办公室', 4, 2]);
    expect([p.post?.value, p.post?.row, p.post?.col]).toEqual(['一级科员', 4, 5]);
    expect(p.period).toBe('2024年第一季度');
    expect(p.grade).toEqual({ text: '较好', how: 'ticked', row: 11, col: 2 });
    expect([p.remark, p.total, p.items]).toEqual([null, null, []]);
  });

  it('reads √ in the cell beside the word, the word written, and the 情况说明 as the remark', () => {
    const cellsForm = person(registerForm({ sheet: 'a', name: '李四', unit: '科', post: '科员', grade: '一般', gradeAs: 'cells' }));
    expect(cellsForm.grade).toEqual({ text: '一般', how: 'ticked', row: 11, col: 6 });
    const written = person(
      registerForm({ sheet: 'b', name: '王五', unit: '科', post: '科员', grade: '好', gradeAs: 'word', remark: '病假两个月' }),
    );
    expect(written.grade).toEqual({ text: '好', how: 'written', row: 11, col: 2 });
    expect(written.remark).toEqual({ value: '病假两个月', row: 14, col: 2 });
  });

  it('an unticked list of grades is no grade', () => {
    expect(person(registerForm({ sheet: 'c', name: '赵六', unit: '科', post: '科员', grade: null })).grade).toMatchObject({
      text: null,
      how: 'unticked',
    });
  });

  it('reads the items and their scores where the form has them (量化指标), and 合计得分', () => {
    const p = person(scoredBook()[0]!);
    expect(p.items).toHaveLength(19);
    expect(p.items[0]).toEqual({ label: '思想政治素质（6分）', score: { value: 6, row: 4, col: 8 } });
    expect(p.items[11]).toEqual({ label: '工作负荷（15分）', score: { value: 13, row: 15, col: 8 } });
    expect(p.items[18]!.label).toBe('减分指标（5分）');
    expect(p.total).toEqual({ value: 98, row: 23, col: 8 });
    expect(p.grade).toEqual({ text: '好', how: 'written', row: 24, col: 2 });
  });
});

describe('readGrade', () => {
  it.each([
    ['☑好 □较好 □一般 □较差', '好'],
    ['□好 ■较好 □一般 □较差', '较好'],
    ['好√ 较好 一般 较差', '好'],
    ['好 较好（√） 一般 较差', '较好'],
    ['□优秀 ☑称职 □基本称职 □不称职', '称职'],
    ['□优秀 □称职 ☑基本称职 □不称职', '基本称职'],
  ])('%s → %s', (text, grade) => {
    expect(readGrade(cells(text))).toMatchObject({ text: grade, how: 'ticked' });
  });

  it('two boxes ticked are both given, for the check to refuse', () => {
    expect(readGrade(cells('☑好 ☑较好 □一般 □较差'))).toMatchObject({ text: '好、较好', how: 'several' });
  });

  it('the word written, with 等次 or 定为 around it; any other text as written', () => {
    expect(readGrade(cells('较好等次'))).toMatchObject({ text: '较好', how: 'written' });
    expect(readGrade(cells('拟定为好'))).toMatchObject({ text: '好', how: 'written' });
    expect(readGrade(cells('同意'))).toMatchObject({ text: '同意', how: 'written' });
  });
});

describe('periodIn', () => {
  it.each([
    ['（2024年度第一季度）', '2024年第一季度'],
    ['公务员平时考核登记表（2024年第三季度）', '2024年第三季度'],
    ['第2季度', '第2季度'],
    ['2024年7月', '2024年7月'],
    ['出生年月', null],
  ])('%s → %s', (text, period) => expect(periodIn(text)).toBe(period));
});

describe('what is not a person', () => {
  it('a form without 姓名 (季度考评登记表) is a form nobody can be read from', () => {
    expect(readForm(quarterForm('一季度'))).toEqual({ kind: 'unreadable', sheet: '一季度', problem: 'no-name' });
  });

  it('a template’s placeholder or an empty name is not a name', () => {
    for (const name of ['XXX', '×××', null, '姓名'])
      expect(readForm(registerForm({ sheet: 's', name, unit: '科', post: '科员', grade: '好' }))).toMatchObject({
        kind: 'unreadable',
        problem: 'no-name',
      });
  });

  it('two people on one sheet are not read as one', () => {
    const a = registerForm({ sheet: 's', name: '张三', unit: '科', post: '科员', grade: '好' });
    const b = registerForm({ sheet: 's', name: '李四', unit: '科', post: '科员', grade: '好' });
    const both: Grid = {
      ...a,
      values: [...a.values, ...b.values],
      merges: [...a.merges, ...b.merges.map((m) => ({ ...m, top: m.top + a.values.length, bottom: m.bottom + a.values.length }))],
    };
    expect(readForm(both)).toEqual({ kind: 'unreadable', sheet: 's', problem: 'several-names' });
  });

  it('a roster is not a form', () => {
    const { grid } = gwySheet([
      { name: '张三', unit: '办公室', base: 92 },
      { name: '李四', unit: '办公室', base: 80 },
      { name: '王五', unit: '业务科', base: 70 },
    ]);
    expect(readForm(grid)).toEqual({ kind: 'not-a-form' });
  });
});

describe('a hostile form', () => {
  it('a 10,000-character 个人小结 and 1,000 merges read in bounded time', () => {
    const g = registerForm({
      sheet: '张三',
      name: '张三',
      unit: '办公室',
      post: '科员',
      grade: '好',
      summary: '认真完成本职工作，'.repeat(1112).slice(0, 10_000),
    });
    expect((g.values[4]![1] as string).length).toBeGreaterThan(10_000);
    const top = g.values.length + 1;
    // 1,000 merged pairs of cells under the form, each holding a long text that is no label.
    for (let i = 0; i < 1000; i++) {
      const r = top + Math.floor(i / 4);
      const c = 1 + (i % 4) * 2;
      (g.values[r - 1] ??= Array(8).fill(null))[c - 1] = '附：'.padEnd(60, '材');
      g.merges.push({ top: r, left: c, bottom: r, right: c + 1 });
    }
    expect(g.merges.length).toBeGreaterThanOrEqual(1000);
    const t0 = performance.now();
    let p;
    for (let i = 0; i < 10; i++) p = readForm(g);
    const ms = (performance.now() - t0) / 10;
    expect(p).toMatchObject({ kind: 'person', person: { name: { value: '张三' }, grade: { text: '好' } } });
    // Measured about 11 ms a read on the development machine (10 reads, JIT warm-up included); the bound leaves room for slow CI.
    expect(ms).toBeLessThan(100);
  });
});
