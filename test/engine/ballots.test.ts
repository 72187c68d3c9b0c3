/**
 * keji-banzi (seed 004): democratic-appraisal ballots. Per person and subject (总体评价 and the
 * sub-items) the votes 优秀/良好/一般/较差 must add up to the number of voters (ballot-mismatch);
 * 优秀率 = 优秀 ÷ voters and 好评率 = (优秀 + 良好) ÷ voters on the overall subject. Numbers by hand.
 */
import { checkGrid } from '../../src/engine';
import type { CellValue } from '../../src/engine/grid';
import { buildPlan } from '../../src/engine/plan/plan';
import { noteText, words } from '../../src/engine/report/messages';
import { fieldValue } from '../../src/engine/results';
import { preset } from '../../src/schemes';
import { gridOf } from '../helpers/sheets';

const s = preset('keji-banzi')!;

/** Title; a two-row header with each subject merged over its four options; people from row 4. */
function sheet(rows: CellValue[][], extra: string[] = []) {
  const opts = ['优秀', '良好', '一般', '较差'];
  return gridOf(
    [
      ['2026年度领导干部民主测评票数统计表'],
      ['序号', '姓名', '职务', '参加测评人数', '总体评价', null, null, null, '思想政治建设', null, null, null, ...extra],
      [null, null, null, null, ...opts, ...opts, ...extra.map(() => null)],
      ...rows.map((r, i) => [i + 1, ...r]),
    ],
    [
      'A2:A3',
      'B2:B3',
      'C2:C3',
      'D2:D3',
      'E2:H2',
      'I2:L2',
      ...extra.map((_e, k) => `${String.fromCharCode(77 + k)}2:${String.fromCharCode(77 + k)}3`),
    ],
  );
}

describe('keji-banzi: ballots', () => {
  it('finds every option under its subject and computes 优秀率 and 好评率 over the overall votes', () => {
    const r = checkGrid(
      sheet([
        // 总体 20 + 8 + 2 + 0 = 30 = voters; 优秀率 20/30, 好评率 28/30
        ['王建国', '局长', 30, 20, 8, 2, 0, 18, 10, 2, 0],
        // all 优秀: both rates 1 (the top edge)
        ['李明', '副局长', 28, 28, 0, 0, 0, 28, 0, 0, 0],
        // no 优秀 or 良好: both 0 (the bottom edge)
        ['张丽', '副局长', 25, 0, 0, 20, 5, 0, 0, 25, 0],
      ]),
      s,
    )!;
    const cols = r.table.columns.filter((c) => c.role.kind === 'field').map((c) => `${c.col}:${(c.role as { id: string }).id}`);
    expect(cols).toEqual([
      '4:voters',
      '5:zongti_1',
      '6:zongti_2',
      '7:zongti_3',
      '8:zongti_4',
      '9:sixiang_1',
      '10:sixiang_2',
      '11:sixiang_3',
      '12:sixiang_4',
    ]);
    expect(r.people.map((p) => [p.name, fieldValue(r, p, 'youxiulv'), p.total, p.grade])).toEqual([
      ['王建国', 0.6667, 0.9333, null],
      ['李明', 1, 1, null],
      ['张丽', 0, 0, null],
    ]);
    expect(r.issues).toEqual([]);
  });

  it('reports each subject whose votes do not add up to the voters, on its first vote cell', () => {
    const r = checkGrid(
      sheet([
        // 总体 15 + 10 + 4 + 0 = 29 ≠ 30; 思想 adds up
        ['王建国', '局长', 30, 15, 10, 4, 0, 10, 10, 10, 0],
        // a blank is no votes: 总体 28 ≠ 29; 思想 10 + 10 + 10 = 30 ≠ 29
        ['李明', '副局长', 29, 20, 8, null, null, 10, 10, 10, null],
      ]),
      s,
    )!;
    expect(r.issues.map((i) => `${i.cell} ${i.rule}`)).toEqual(['E4 ballot-mismatch', 'E5 ballot-mismatch', 'I5 ballot-mismatch']);
    expect(r.issues[0]!.data).toMatchObject({ votes: 29, voters: 30 });
    expect(words(r.issues[0]!, 'zh')).toEqual({
      message: '总体评价各档票数合计 29 票，与参加测评人数 30 不符',
      fix: '请核对各档票数和参加测评人数',
    });
    expect(words(r.issues[2]!, 'en').message).toBe('The votes for 思想政治建设 add up to 30, not the 29 voters');
    // 好评率 still follows the votes as cast: (15 + 10) / 30
    expect(r.people[0]!.total).toBe(0.8333);
  });

  it('checks the sheet’s own 好评率 and writes it there, or in a new 好评率 column', () => {
    const withRate = sheet([['王建国', '局长', 30, 20, 8, 2, 0, 18, 10, 2, 0, 0.9]], ['好评率']);
    const r = checkGrid(withRate, s)!;
    expect(r.issues.map((i) => `${i.cell} ${i.rule}`)).toEqual(['M4 subtotal-mismatch']);
    const plan = buildPlan(r, withRate, { formulas: false });
    expect(plan.writes.map((w) => [w.cell, w.before.value, w.after.value])).toEqual([['M4', 0.9, 0.9333]]);
    expect(plan.conflicts.map((i) => i.cell)).toEqual(['M4']);

    const without = sheet([['王建国', '局长', 30, 20, 8, 2, 0, 18, 10, 2, 0]]);
    const p2 = buildPlan(checkGrid(without, s)!, without, { formulas: false });
    expect(p2.newColumns).toEqual([{ col: 13, kind: 'total', header: '好评率' }]);
  });

  it('says which column is missing when the voters are not in the sheet', () => {
    const g = sheet([['王建国', '局长', 30, 20, 8, 2, 0, 18, 10, 2, 0]]);
    g.values[1]![3] = '备注';
    const r = checkGrid(g, s)!;
    expect(r.issues.map((i) => `${i.rule} ${(i.data as { field?: { label: string } }).field?.label ?? ''}`)).toContain(
      'missing-column 参加测评人数',
    );
    expect(r.people[0]!.total).toBeNull();
  });
});

describe('keji-banzi: the reserve-cadre screen (后备干部)', () => {
  /** 姓名 年龄 学历 and one overall ballot, so the sheet is a keji-banzi sheet. */
  function screened(rows: CellValue[][]) {
    return gridOf(
      [
        ['姓名', '年龄', '学历', '参加测评人数', '总体评价', null, null, null],
        [null, null, null, null, '优秀', '良好', '一般', '较差'],
        ...rows.map((r) => [...r, 10, 5, 5, 0, 0]),
      ],
      ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:H1'],
    );
  }
  const notes = (rows: CellValue[][]) =>
    checkGrid(screened(rows), s)!.people.map((p) => [p.name, p.flags.map((f) => noteText(f, 'zh')).join('|')]);

  it('flags age ≤ 45 with 大专 or above, at both edges, and says why not', () => {
    expect(
      notes([
        ['王建国', 45, '大学专科'],
        ['李明', 46, '本科'],
        ['张丽', 40, '高中'],
        ['刘洋', 50, '中专'],
      ]),
    ).toEqual([
      ['王建国', '后备干部：年龄、学历符合条件；干部身份另行核实'],
      ['李明', '后备干部：不符合条件（46 岁，超过 45 岁）'],
      ['张丽', '后备干部：不符合条件（学历低于大专）'],
      ['刘洋', '后备干部：不符合条件（50 岁，超过 45 岁、学历低于大专）'],
    ]);
  });

  it('notes the exception (30 or under with a postgraduate degree) and what the sheet cannot show', () => {
    expect(
      notes([
        ['陈静', 30, '硕士研究生'],
        ['赵磊', 31, '硕士研究生'],
        ['孙晓', null, '本科'],
        ['徐涛', null, null],
      ]),
    ).toEqual([
      ['陈静', '后备干部：年龄、学历符合条件（亦符合破格条件，须推荐得票较高）；干部身份另行核实'],
      ['赵磊', '后备干部：年龄、学历符合条件；干部身份另行核实'],
      ['孙晓', '后备干部：缺少年龄，无法判断；干部身份另行核实'],
      ['徐涛', ''],
    ]);
  });
});
