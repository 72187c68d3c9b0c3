/** The unit a sheet names above its header, from the title and 填报单位 lines of the real layouts (../helpers/real-sheets). */
import { analyseAllSheets, sheetSummary } from '../../src/app';
import { type Grid, unitOfTitle } from '../../src/engine';
import { countyCompilation, gradesOnlyRoster, monthTable, systemExport, vetoSheet } from '../helpers/real-sheets';

describe('unitOfTitle', () => {
  it.each([
    // A labelled line wins over the title, without its stamp mark or what follows on the line.
    [
      ['清河县2025年县直机关公务员平时考核结果汇总表（第一至第三季度）', '填报单位：中共清河县委组织部（盖章） 填报日期：2025年10月15日'],
      '中共清河县委组织部',
    ],
    [
      ['丰源县市场监督管理局2025年第一季度工作人员平时考核评分表', '考核单位：丰源县市场监督管理局 考核时间：2025年4月'],
      '丰源县市场监督管理局',
    ],
    [['填报单位:南川市统计局人事科'], '南川市统计局人事科'],
    [['东阳县审计局2025年第三季度公务员平时考核等次名册', '填报单位（盖章）：东阳县审计局 2025年10月10日'], '东阳县审计局'],
    // Else the title's words before its year.
    [['省自然资源厅国土空间规划处2025年第三季度公务员平时考核月度等次汇总表'], '省自然资源厅国土空间规划处'],
    [['杨柳乡第二季度机关干部平时考核汇总表'], '杨柳乡'],
    // A title that starts with its year, a note, or nothing at all names no unit.
    [['2025年度县直机关公务员考核对象花名册'], null],
    [['注：好等次人数不超过本单位参加考核人数的40%。'], null],
    [['填报单位：', '2025年第一季度平时考核表'], null],
    [[], null],
  ])('%j → %s', (title, unit) => {
    expect(unitOfTitle(title)).toBe(unit);
  });

  it("reads the lines the table reader keeps above real sheets' headers", () => {
    const unitOf = (grid: Grid) => {
      const all = analyseAllSheets(
        { sheets: [{ name: grid.sheet, visible: true, grid: () => grid }], settings: null, settingsBroken: false },
        { locale: 'zh' },
      );
      return all.ok && all.sheets[0]!.ok ? sheetSummary(all.sheets[0]!.analysis, 'zh').unit : 'not checked';
    };
    expect(unitOf(countyCompilation())).toBe('中共清河县委组织部');
    // 处室（盖章）：国土空间规划处 is not a unit's label: the title names the unit.
    expect(unitOf(monthTable())).toBe('省自然资源厅国土空间规划处');
    // 填报单位（盖章）：东阳县审计局, the stamp before the colon.
    expect(unitOf(gradesOnlyRoster())).toBe('东阳县审计局');
    // 填报科室：机关各科室 is not one either.
    expect(unitOf(vetoSheet())).toBe('江北区住房和城乡建设局');
    // A system's export has no lines above its header.
    expect(unitOf(systemExport())).toBeNull();
  });
});
