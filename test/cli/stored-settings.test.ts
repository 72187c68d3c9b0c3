import { webExtensionProperties } from '../../src/hosts/file/settings';
import { preset } from '../../src/schemes';
import { gridOf, gwySheet } from '../helpers/sheets';
import { storeSettings, writeXlsx } from '../helpers/xlsx';
import { kaohe, kaoheJson } from './helpers';

/** A sheet any 好/较好 scheme reads, and nothing on it tells them apart: no preset fits it clearly, so a scheme must be stored or given. */
const totalsOnly = () =>
  gridOf([
    ['姓名', '考核单元', '合计', '等次'],
    ['甲', '一科', 95, null],
    ['乙', '一科', 92, null],
    ['丙', '二科', 80, null],
    ['丁', '二科', 70, null],
    ['戊', '二科', 91, null],
  ]);

describe('the scheme saved in the workbook by the task pane', () => {
  it('is used when no --scheme is given, and --scheme still wins', async () => {
    const file = await writeXlsx(totalsOnly());
    // Without a stored scheme, no preset is chosen for it (it used to fall to gwy-2020 without a word): the sheet's own.
    const none = await kaoheJson('check', file);
    expect([none.report.scheme, none.report.schemeSource]).toEqual(['inferred', 'inferred']);
    await storeSettings(file, { kaohe: { version: 1, scheme: 'five-dims' } });
    const { report } = await kaoheJson('check', file);
    expect(report.scheme).toBe('five-dims');
    expect(report.quota.map((q: { scope: string }) => q.scope)).toEqual(['unit:一科', 'unit:二科', 'all']);
    expect((await kaohe('check', file)).out).toContain(
      'five-dims 公务员平时（绩效）考核（五项指标，分考核单元定名额）（工作簿中保存的方案）',
    );
    expect(report.schemeSource).toBe('workbook');
    const given = (await kaoheJson('check', file, '--scheme', 'gwy-2020')).report;
    expect([given.scheme, given.schemeSource]).toEqual(['gwy-2020', 'argument']);
  });

  it('can be a whole scheme that extends a preset', async () => {
    const file = await writeXlsx(totalsOnly());
    await storeSettings(file, {
      kaohe: { version: 1, scheme: { extends: 'gwy-2020', id: 'ju-own', name: '本局', quotas: [{ grades: ['好'], max: 0.6 }] } },
    });
    const { report, code } = await kaoheJson('check', file);
    expect([report.scheme, report.quota[0].limit, code]).toEqual(['ju-own', 3, 0]);
  });

  it("under a preset's id with other rules: shown as a changed copy of the preset, never as the preset", async () => {
    const file = await writeXlsx(totalsOnly());
    await storeSettings(file, {
      kaohe: { version: 1, scheme: { extends: 'gwy-2020', id: 'gwy-2020', quotas: [{ grades: ['好'], max: 0.6 }] } },
    });
    const { report } = await kaoheJson('check', file);
    expect([report.scheme, report.basedOn, report.schemeName, report.schemeSource, report.quota[0].limit, report.schemeChanges]).toEqual([
      'gwy-2020-custom',
      'gwy-2020',
      '公务员平时考核（全国模板：好/较好/一般/较差）（本单位修改）',
      'workbook',
      3,
      ['好不超过 60%，按全单位计算，人数向下取整（原为：好不超过 40%，按全单位计算，人数向下取整）'],
    ]);
    const text = (await kaohe('check', file)).out;
    expect(text).toContain('按工作簿中保存的方案：gwy-2020-custom（基于 公务员平时考核（全国模板：好/较好/一般/较差） 修改）');
    expect(text).toContain(
      '\n  与 gwy-2020 相比：好不超过 60%，按全单位计算，人数向下取整（原为：好不超过 40%，按全单位计算，人数向下取整）\n',
    );
    const en = (await kaohe('check', file, '--lang', 'en')).out;
    expect(en).toContain('Scheme saved in the workbook: gwy-2020-custom (changed from ');
  });

  it("under a preset's id with the preset's own rules: the preset", async () => {
    const file = await writeXlsx(totalsOnly());
    await storeSettings(file, { kaohe: { version: 1, scheme: { ...JSON.parse(JSON.stringify(preset('gwy-2020'))) } } });
    const { report } = await kaoheJson('check', file);
    expect([report.scheme, report.basedOn, report.schemeChanges, report.schemeSource]).toEqual([
      'gwy-2020',
      undefined,
      undefined,
      'workbook',
    ]);
    expect((await kaohe('check', file)).out).not.toContain('修改');
  });

  it('brings the column corrections saved for the sheet', async () => {
    const grid = gridOf([
      ['姓名', '德', '能', '勤', '绩效分', '廉'],
      ['张三', 18, 18, 14, 30, 9],
    ]);
    const file = await writeXlsx(grid);
    await storeSettings(file, { kaohe: { version: 1, scheme: 'gwy-2020', columns: { 第一季度: { '5': { kind: 'field', id: 'ji' } } } } });
    const { report } = await kaoheJson('check', file);
    expect([report.people[0].total, report.issues]).toEqual([89, []]);
  });

  it.each([
    [{ version: 2 }, '工作簿中保存的考核助手设置无法识别'],
    [{ version: 1, scheme: 'gwy-1999' }, '工作簿中保存的方案“gwy-1999”不是内置方案'],
    [{ version: 1, scheme: { id: 'x', name: 'y' } }, '工作簿中保存的方案有误：'],
  ])('stops with one line when the record is broken: %j', async (value, says) => {
    const file = await writeXlsx(totalsOnly());
    await storeSettings(file, { kaohe: value });
    const r = await kaohe('check', file);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(says);
  });

  it('reads property values as Office writes them, escaped JSON text', () => {
    const props = webExtensionProperties(
      '<we:properties><we:property name="kaohe" value="{&quot;version&quot;:1,&quot;scheme&quot;:&quot;gwy-2020&quot;}"/><we:property value="&quot;x&quot;" name="other"/></we:properties>',
    );
    expect(Object.fromEntries(props)).toEqual({ kaohe: { version: 1, scheme: 'gwy-2020' }, other: 'x' });
  });

  it('leaves workbooks of other add-ins alone', async () => {
    const file = await writeXlsx(gwySheet([{ name: '张三', base: 80 }]).grid);
    await storeSettings(file, { 'other-addin': { theme: 'dark' } });
    expect((await kaoheJson('check', file)).report.scheme).toBe('gwy-2020');
  });
});
