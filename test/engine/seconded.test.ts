/**
 * 借调, 借用, 抽调: who appraises someone working in another unit. What each preset's source says:
 * - gwy-2020 (seed 002 篇二 注意事项 9, 10): 派驻 and 挂职锻炼 are appraised by the receiving unit;
 *   抽调参加专项工作 by the sending unit, unless a body that does its own annual appraisal drew them
 *   off ("由抽调机构进行平时考核"). 借调/借用 are not named: the preset treats them as 挂职, as 篇三 does.
 * - hebei-abcd (篇三 六(一)): "挂职锻炼和外借公务员，由挂职单位和借用单位进行考核".
 * - xinjiang-2015 (篇七): 挂职、抽调 under half a year at home, over half a year in the receiving unit;
 *   借调/借用 follow 抽调.
 * - xiang-2015, xicheng-sifa, ju-5items, five-dims: their sources say nothing; as gwy-2020 (their notes say so).
 * The remark texts are those of issue #16's rosters (借调市委办, a 借调 person with no scores).
 */
import { checkGrid } from '../../src/engine';
import { noteText } from '../../src/engine/report/messages';
import { preset } from '../../src/schemes';
import { gwySheet, schemeSheet } from '../helpers/sheets';

const gwy = preset('gwy-2020')!;
const blank = Array<null>(17).fill(null);

describe('gwy-2020: 借调 and 借用 are appraised by the receiving unit, 抽调 at home', () => {
  it('a 借调 person without scores is listed apart, outside the quota base, with no missing-value', () => {
    // Issue #16: "借调 shows 分数有误或缺项": the person's 17 item cells are empty, as the receiving unit scores them.
    const { grid } = gwySheet([
      { name: '甲', base: 95 },
      { name: '乙', base: 80 },
      { name: '丙', base: 80 },
      { name: '借调者', items: blank, remark: '借调市委办' },
      { name: '借用者', items: blank, remark: '2026年1月起借用至县纪委' },
      { name: '外借者', items: blank, remark: '外借市政府办公室', grade: '好' },
    ]);
    const r = checkGrid(grid, gwy)!;
    expect(r.people.map((p) => [p.name, p.status, p.elsewhere, p.reasonLabel])).toEqual([
      ['甲', 'graded', false, null],
      ['乙', 'graded', false, null],
      ['丙', 'graded', false, null],
      ['借调者', 'excluded', true, '借调'],
      ['借用者', 'excluded', true, '借用'],
      ['外借者', 'excluded', true, '外借'],
    ]);
    // The receiving unit's 好 stays in the sheet as theirs.
    expect(r.people[5]!.elsewhereGrade).toBe('好');
    expect(r.issues).toEqual([]);
    expect(r.quotas.map((q) => [q.count, q.base])).toEqual([[1, 3]]);
  });

  it('抽调参加专项工作 is graded here with a note (注意事项 9); 由抽调机构考核 is listed apart', () => {
    const { grid } = gwySheet([
      { name: '抽调者', base: 80, remark: '抽调参加巡察工作' },
      { name: '机构考核', items: blank, remark: '抽调至县重点项目指挥部，由抽调机构考核' },
      { name: '借调来', base: 80, remark: '从乡政府借调来我局' },
      { name: '已结束', base: 80, remark: '借调结束，3月返岗' },
      { name: '未借调', base: 80, remark: '未借调' },
    ]);
    const r = checkGrid(grid, gwy)!;
    expect(r.people.map((p) => [p.name, p.status, p.elsewhere, p.grade])).toEqual([
      ['抽调者', 'graded', false, '较好'],
      ['机构考核', 'excluded', true, null],
      ['借调来', 'graded', false, '较好'],
      ['已结束', 'graded', false, '较好'],
      ['未借调', 'graded', false, '较好'],
    ]);
    expect(r.people[0]!.flags.map((n) => noteText(n, 'zh'))).toEqual([
      '抽调参加专项工作的，由派出单位（本单位）进行平时考核，工作情况由抽调单位提供；由抽调机构考核的请在备注中写明',
    ]);
    expect(r.issues).toEqual([]);
  });
});

describe('the other presets', () => {
  it.each(['xiang-2015', 'xicheng-sifa', 'ju-5items', 'five-dims'])('%s follows gwy-2020: 借调 elsewhere, 抽调 at home', (id) => {
    const s = preset(id)!;
    const r = checkGrid(
      schemeSheet(s, [
        { name: '借调者', remark: '借调县委组织部' },
        { name: '抽调者', remark: '抽调参加脱贫攻坚督查' },
      ]).grid,
      s,
    )!;
    expect(r.people.map((p) => [p.status, p.elsewhere])).toEqual([
      ['excluded', true],
      ['graded', false],
    ]);
  });

  it('hebei-abcd: 外借, 借调 and 借用 by the borrowing unit (篇三)', () => {
    const s = preset('hebei-abcd')!;
    const people = ['借调市委办', '借用至市财政局', '外借市政府办公室', '从县局借用来'].map((remark, i) => ({
      name: `人${i + 1}`,
      remark,
      grade: 'B',
    }));
    const r = checkGrid(schemeSheet(s, people).grid, s)!;
    expect(r.people.map((p) => p.elsewhere)).toEqual([true, true, true, false]);
  });

  it('xinjiang-2015: 借调 as 抽调, half a year the line (篇七)', () => {
    const s = preset('xinjiang-2015')!;
    const people = ['借调自治区党委办公厅一年', '借调不足半年', '抽调“访惠聚”工作组'].map((remark, i) => ({
      name: `人${i + 1}`,
      remark,
      grade: '称职',
    }));
    const r = checkGrid(schemeSheet(s, people).grid, s)!;
    expect(r.people.map((p) => p.elsewhere)).toEqual([true, false, true]);
  });
});
