/**
 * Issue #16's reader layouts (points 4–6): a system export with several grade columns, a roster
 * with rows that are not people (a repeated header after a page break, 小计/平均分/优秀人数合计,
 * 注/说明, 填表人/审核人/盖章, blank separators), and a tally printed as two blocks side by side.
 * Every value is written out by hand; the expectations in test/cli/layouts.test.ts are worked out
 * from them. Units, names and values are invented but realistic.
 */
import type { Area, Grid } from '../../src/engine';
import { gwyQuarterly, Layout } from './real-sheets';

/**
 * A. An appraisal system's quarterly export with its decision stages side by side: 用户姓名, 部门名称,
 * 总分, 最终评定等次, 机关党委（人事处）审定意见, 党组会建议等次 (in that order).
 * Source: the export columns of a public appraisal system's Java domain class
 * (com.cb.assess.domain.VEvaluationGrade.Grade, found by the code search: @Excel(name = "季度"),
 * "用户姓名", "部门名称", …, "总分", "最终评定等次", "机关党委（人事处）审定意见", "党组会建议等次"), whose
 * steps are 主要负责人建议等次 → 机关党委审定等次 → 党组会建议等次, the final grade decided last.
 * 12 people; 好 4 (40% of 12 allows 4). 党组会建议等次 differs from the final grade on 3 rows
 * (杜鹏 H3 好 → 较好, 蒋敏 H4 较好 → 好, 田甜 H6 一般 → 较好). 审定意见 holds 同意 on every row
 * (`opinion` 'agree'), or the 机关党委's grade (`opinion` 'grades'), which differs on 魏峰's row
 * (G9 较好 → 好).
 * Rows: header 1, people 2–13.
 */
export function stagedExport(opinion: 'agree' | 'grades' = 'agree'): Grid {
  const s = new Layout(8);
  s.row(['季度', '用户姓名', '部门名称', '民主评价得分', '总分', '最终评定等次', '机关党委（人事处）审定意见', '党组会建议等次']);
  const people: [string, string, number, string, string, string][] = [
    ['韩冰', '综合处', 95, '好', '好', '好'],
    ['杜鹏', '综合处', 86, '较好', '较好', '好'],
    ['蒋敏', '综合处', 93, '好', '好', '较好'],
    ['石磊', '规划处', 84, '较好', '较好', '较好'],
    ['田甜', '规划处', 79, '较好', '较好', '一般'],
    ['许亮', '规划处', 91, '好', '好', '好'],
    ['夏雨', '财务处', 82, '较好', '较好', '较好'],
    ['魏峰', '财务处', 92, '好', '较好', '好'],
    ['孔静', '财务处', 77, '较好', '较好', '较好'],
    ['严明', '人事处', 88, '较好', '较好', '较好'],
    ['钱程', '人事处', 70, '一般', '一般', '一般'],
    ['孙悦', '人事处', 81, '较好', '较好', '较好'],
  ];
  for (const [name, dept, score, final, organ, party] of people)
    s.row(['2025年第三季度', name, dept, score, score, final, opinion === 'agree' ? '同意' : organ, party]);
  return s.grid('平时考核等次');
}

/**
 * B. A roster copied from a multi-page Word table: the header repeated after the page break, a
 * blank separator, 小计 per section, 平均分, “好”等次人数合计, a 注 and a 说明 line, 填表人 and 审核人 on
 * lines of their own, a 盖章 line and a date. Two people have names that begin like a footer word
 * (计小红, 盖文杰) and must be read as people.
 * Source: issue #16 ("a second header row is read as data"); 公务员平时考核结果汇总表 (附件4 of the
 * national template, seed 002 篇二) as typed in Word and pasted into Excel.
 * 16 people; totals read as written; 好 6 (40% of 16 allows 6). Rows: title 1, header 2, 办公室 3,
 * people 4–10, 小计 11, blank 12, header again 13, 业务科 14, people 15–23, 小计 24, 平均分 25,
 * “好”等次人数合计 26, 注 27, 说明 28, 填表人 29, 审核人 30, 盖章 31, date 32.
 */
export function pagedRoster(): Grid {
  const s = new Layout(7);
  s.wide('东江区商务局2025年第三季度公务员平时考核结果汇总表');
  const header = ['序号', '姓名', '职务', '考核得分', '考核等次', '备注', null];
  s.row(header);
  s.wide('办公室');
  const first: [string, string, number, string][] = [
    ['柳青山', '主任', 94, '好'],
    ['计小红', '副主任', 91, '好'],
    ['董小燕', '一级科员', 86, '较好'],
    ['盖文杰', '一级科员', 83, '较好'],
    ['苗壮', '二级科员', 78, '较好'],
    ['司马南', '二级科员', 72, '一般'],
    ['欧阳雪', '一级科员', 92, '好'],
  ];
  first.forEach((p, i) => s.row([i + 1, ...p, null, null]));
  s.at(2, '小计', 4, 596);
  s.row([]);
  s.row(header);
  s.wide('业务科');
  const second: [string, string, number, string][] = [
    ['葛优优', '科长', 95, '好'],
    ['郑小凡', '副科长', 88, '较好'],
    ['黎明亮', '一级科员', 85, '较好'],
    ['姚瑶', '一级科员', 90, '好'],
    ['唐诗', '二级科员', 80, '较好'],
    ['宋词', '二级科员', 76, '较好'],
    ['元曲', '一级科员', 68, '一般'],
    ['卓越', '一级科员', 91, '好'],
    ['向上', '二级科员', 84, '较好'],
  ];
  second.forEach((p, i) => s.row([first.length + i + 1, ...p, null, null]));
  s.at(2, '小计', 4, 757);
  s.at(2, '平均分', 4, 84.56);
  s.at(2, '“好”等次人数合计', 5, '6人');
  s.wide('注：“好”等次人数不超过参加平时考核公务员总人数的40%。');
  s.wide('说明：考核得分由各科室按季度工作实绩评定。');
  s.at(1, '填表人：董小燕');
  s.at(1, '审核人：柳青山');
  s.at(4, '东江区商务局（盖章）');
  s.at(4, '2025年10月9日');
  return s.grid('第三季度');
}

/** C's people: left block (A–F), right block (H–M): name, 科室, 考核得分, 等次 as written. */
export const TWO_BLOCK_LEFT: [string, string, number, string | null][] = [
  ['周建国', '办公室', 95, '好'],
  ['吴丽华', '办公室', 88, '较好'],
  ['郑海波', '办公室', 91, '好'],
  ['王晓梅', '法规科', 86, '较好'],
  ['冯立新', '法规科', 79, '较好'],
  ['陈思远', '法规科', 72, '一般'],
  ['褚明华', '财务科', 93, '好'],
  ['卫红', '财务科', 84, '较好'],
  ['蒋文杰', '财务科', 90, '好'],
  ['沈丽', '财务科', 81, '较好'],
];
export const TWO_BLOCK_RIGHT: [string, string, number, string | null][] = [
  ['韩雪', '监察科', 92, '好'],
  ['杨光', '监察科', 88, '好'],
  ['朱琳', '监察科', 77, '较好'],
  ['秦峰', '统计科', 85, '较好'],
  ['尤佳佳', '统计科', 58, '较差'],
  ['许晴', '统计科', 83, null],
  ['何平', '人事科', 89, '较好'],
  ['吕方', '人事科', 74, '一般'],
  ['施雨', '人事科', 80, '较好'],
];

/**
 * C. A tally printed as two rosters side by side to fit one A4 page: A–F and H–M under the same
 * header texts (序号 姓名 科室 考核得分 等次 备注), G empty between them, the numbering continuing on
 * the right; the title, 注 and sign-off merged or written across both.
 * Source: issue #16 ("A tally printed as two rosters side by side (A–F and H–M) loses the
 * right-hand block"); the header texts of 附件4 (seed 002 篇二). 19 people, 10 left and 9 right;
 * the bands are stated in the 注. 杨光 (L5, 88) is written 好 where the bands give 较好; 许晴's
 * grade (L9, 83) is empty; 好 5 by the bands (40% of 19 allows 7).
 * Rows: title 1, 填报 2, header 3, people 4–13 (right block 4–12), 注 14, sign-off 15.
 */
export function twoBlocks(): Grid {
  const s = new Layout(13);
  s.wide('西城区市场监管局2025年第二季度公务员平时考核结果统计表');
  s.at(1, '填报单位：西城区市场监管局人事科', 8, '填报日期：2025年7月4日');
  const header = ['序号', '姓名', '科室', '考核得分', '等次', '备注'];
  s.row([...header, null, ...header]);
  TWO_BLOCK_LEFT.forEach((l, i) => {
    const r = TWO_BLOCK_RIGHT[i];
    s.row([i + 1, ...l, null, null, ...(r ? [TWO_BLOCK_LEFT.length + i + 1, ...r, null] : [])]);
  });
  s.wide('注：考核得分90分以上为好，75-89分为较好，60-74分为一般，60分以下为较差；“好”等次人数不超过参加考核人数的40%。');
  s.at(1, '填表人：卫红', 8, '审核人：周建国');
  return s.grid('第二季度');
}

/** D's people: name, 德 能 勤 绩 廉, 总分 and 等次 as written (null: empty). Left block first, then right. */
export const SCORED_BLOCKS: [string, number, number, number, number, number, number | null, string | null][] = [
  ['王德明', 18, 18, 19, 28, 10, 93, '好'],
  ['李秀英', 17, 16, 17, 25, 9, 84, '较好'],
  ['张卫东', 16, 15, 16, 24, 9, 80, '较好'],
  ['赵红梅', 19, 19, 18, 27, 10, 93, '好'],
  ['钱志刚', 15, 14, 15, 21, 8, 73, '一般'],
  ['孙丽君', 17, 17, 17, 26, 9, 86, '较好'],
  ['周永强', 18, 19, 19, 28, 9, 93, '好'],
  ['吴海燕', 16, 16, 16, 24, 9, 81, '较好'],
  ['郑光明', 17, 17, 18, 26, 10, 91, '好'],
  ['冯晓丽', 14, 13, 14, 19, 8, 68, '一般'],
  ['陈建华', 18, 17, 18, 27, 9, null, null],
  ['褚静', 16, 17, 16, 25, 9, 83, '较好'],
];

/**
 * D. A scored sheet printed as two blocks side by side: A–I and K–S, each 序号 姓名 德（20分）
 * 能（20分） 勤（20分） 绩（30分） 廉（10分） 总分 等次, J empty; the bands and the 40% in the 注.
 * Source: issue #16 (two blocks side by side); the 德能勤绩廉 headers of 村两委 sheets
 * (庐江县村干部绩效考核表, see villageCommittee in ./real-sheets.ts). 12 people, 6 a block.
 * 郑光明 (right block, row 6) has 总分 91 where his items make 88, and 好 for it (较好 by 88):
 * R6 and S6; 陈建华's 总分 and 等次 (R8, S8) are empty: 89, 较好. 好 3 (40% of 12 allows 4).
 * Rows: title 1, 填报 2, header 3, people 4–9 (right block: 周永强 4 … 褚静 9), 注 10, sign-off 11.
 */
export function scoredBlocks(): Grid {
  const s = new Layout(19);
  s.wide('青石镇2025年第一季度机关干部平时考核评分表');
  s.at(1, '填报单位：青石镇党政办', 11, '填报日期：2025年4月7日');
  const header = ['序号', '姓名', '德（20分）', '能（20分）', '勤（20分）', '绩（30分）', '廉（10分）', '总分', '等次'];
  s.row([...header, null, ...header]);
  for (let i = 0; i < 6; i++) {
    const l = SCORED_BLOCKS[i]!;
    const r = SCORED_BLOCKS[i + 6]!;
    s.row([i + 1, ...l, null, i + 7, ...r]);
  }
  s.wide('注：总分=德+能+勤+绩+廉；90分以上为好，75-89分为较好，60-74分为一般，60分以下为较差；“好”等次人数不超过参加考核人数的40%。');
  s.at(1, '填表人：褚静', 11, '审核人：王德明');
  return s.grid('第一季度');
}

/**
 * E. The national template's quarterly sheet (gwyQuarterly: 德（20分） merged over its four items …,
 * two header rows, 合计/平均分 rows, a 注 and 填表人) printed over two pages and pasted back: both
 * header rows repeated after the 8th person, with their merges.
 * Source: 附件2 公务员平时考核量化指标 (seed 002 篇二), as Word and WPS repeat a table's header rows on
 * each page; issue #16 ("a second header row is read as data").
 * Rows: title 1, 填报 2, header 3–4, people 5–12, header again 13–14, people 15–21, 合计 22, 平均分 23.
 */
export function repeatedHeader(): Grid {
  const g = gwyQuarterly();
  const at = 12; // the repeated header goes under row 12
  const header = [g.values[2]!, g.values[3]!].map((r) => [...r]);
  const values = [...g.values.slice(0, at), ...header, ...g.values.slice(at)];
  const merges: Area[] = [];
  for (const m of g.merges) {
    if (m.bottom <= at) merges.push(m);
    else merges.push({ ...m, top: m.top + 2, bottom: m.bottom + 2 });
    if (m.top >= 3 && m.bottom <= 4) merges.push({ ...m, top: m.top + at - 2, bottom: m.bottom + at - 2 });
  }
  return { ...g, values, merges };
}
