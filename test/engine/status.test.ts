import { checkGrid } from '../../src/engine';
import { leaveDays, mentions } from '../../src/engine/grade/conditions';
import { noteText } from '../../src/engine/report/messages';
import { preset } from '../../src/schemes';
import { schemeSheet } from '../helpers/sheets';

function statusOf(remark: string, id = 'gwy-2020', total = 80) {
  const s = preset(id)!;
  const p = checkGrid(schemeSheet(s, [{ name: '张三', total, remark, grade: s.grading.mode === 'entered' ? 'B' : null }]).grid, s)!
    .people[0]!;
  return { status: p.status, elsewhere: p.elsewhere, grade: p.grade, reason: p.reason && noteText(p.reason, 'zh') };
}

describe('who is graded (gwy-2020)', () => {
  it.each([
    ['试用期', '试用期'],
    ['2026年1月新录用，试用期内', '试用期'],
    ['涉嫌违纪被立案调查，尚未结案', '立案调查'],
    ['正在接受审查调查', '立案调查'],
    ['受党内警告处分，处分期间', '处分期间'],
    ['受政务记过处分', '处分期间'],
    ['病假30天，事假20天', '病、事假'],
    ['病事假累计50天', '病、事假'],
    ['病事假超过考核周期一半', '病、事假'],
    ['病假两个月', '病、事假'],
    ['病假1个月，事假三周', '病、事假'],
    ['受党内警告处分', '处分期间'],
    ['被留置审查', '立案调查'],
  ])('「%s」→ takes part, no grade (%s)', (remark, why) => {
    const r = statusOf(remark);
    expect(r.status).toBe('ungraded');
    expect(r.grade).toBeNull();
    expect(r.reason).toContain(why);
  });

  it.each(['2026年2月调出', '已辞职', '被辞退', '被开除', '2026年1月退休', '因病去世', '死亡', '调往县委办', '因公牺牲'])(
    '「%s」→ does not take part',
    (remark) => {
      const r = statusOf(remark);
      expect(r.status).toBe('excluded');
      expect(r.elsewhere).toBe(false);
    },
  );

  it.each(['派驻纪检组工作', '挂职锻炼，由接收单位考核', '任驻村第一书记', '援藏干部'])(
    '「%s」→ appraised elsewhere, listed apart',
    (remark) => {
      const r = statusOf(remark);
      expect(r.status).toBe('excluded');
      expect(r.elsewhere).toBe(true);
    },
  );

  it.each([
    ['未受处分', 'graded'],
    ['无违纪违法，未被立案', 'graded'],
    ['试用期满，已转正', 'graded'],
    ['处分期满，已解除处分', 'graded'],
    ['探亲假40天，年休假15天', 'graded'],
    ['产假98天', 'graded'],
    ['病假30天，事假15天', 'graded'],
    ['病假30天，事假16天', 'ungraded'],
    ['病假一个月，事假十五天', 'graded'],
    ['病假一个月，事假十六天', 'ungraded'],
    ['已过试用期', 'graded'],
    ['从外单位挂职来我局', 'graded'],
    ['不服从组织安排的情况没有发生', 'graded'],
  ])('「%s」→ %s: negations, exceptions and leave that does not count', (remark, status) => {
    expect(statusOf(remark).status).toBe(status);
  });

  it('puts leaving before no-grade, and no-grade before a direct grade', () => {
    expect(statusOf('试用期；2026年3月调出').status).toBe('excluded');
    expect(statusOf('试用期内，参加抗洪急难险重任务').status).toBe('ungraded');
  });

  it('reads leave days by kind, work injury apart', () => {
    expect(Object.fromEntries(leaveDays('病假30天、事假 20 天，工伤病假10天，年休假5天'))).toEqual({
      病假: 30,
      事假: 20,
      工伤病假: 10,
      年休假: 5,
    });
    expect(Object.fromEntries(leaveDays('病事假累计46个工作日'))).toEqual({ 病事假: 46 });
    expect(Object.fromEntries(leaveDays('病假两个月，事假二十五天，产假半个月'))).toEqual({ 病假: 60, 事假: 25, 产假: 15 });
  });

  it('ignores a word preceded by a negation', () => {
    expect(mentions('未受处分', '受处分')).toBe(false);
    expect(mentions('曾受处分', '受处分')).toBe(true);
    expect(mentions('无处分，受处分期满', '受处分')).toBe(true);
  });
});

describe('who is graded (other presets)', () => {
  it('hebei-abcd: long leave means not appraised at all', () => {
    expect(statusOf('病假50天', 'hebei-abcd').status).toBe('excluded');
    expect(statusOf('立案调查，暂不定档次', 'hebei-abcd').status).toBe('ungraded');
    expect(statusOf('外借市政府办公室', 'hebei-abcd').elsewhere).toBe(true);
  });

  it('xinjiang-2015: secondments under half a year stay at home', () => {
    expect(statusOf('抽调访惠聚工作组', 'xinjiang-2015').elsewhere).toBe(true);
    expect(statusOf('挂职不足半年', 'xinjiang-2015').status).toBe('graded');
  });
});
