/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * A scheme stored in the workbook under a preset's id whose rules differ (issue 19, 6b): the pane's
 * scheme line, its list and the 方案 view show it as the office's changed copy of the preset, never
 * as the preset; the preset's own rules stored whole are the preset.
 */
import { cleanup, screen } from '@testing-library/react';
import { configure } from '@testing-library/dom';
import { emptySettings, type Grid } from '../../src/engine';
import { preset } from '../../src/schemes';
import { exampleSheets, openPane } from './open-pane';
import { StubHost } from './stub-host';

configure({ defaultHidden: true });

let example: Grid;
beforeAll(async () => {
  example = (await exampleSheets('gwy-2020-q1.xlsx'))[0]!;
});
afterEach(cleanup);

const ready = () => screen.findByText('16 人：定等次 12，不定等次 2，不参加 2');
const GWY = '公务员平时考核（全国模板：好/较好/一般/较差）';

function storing(scheme: Record<string, unknown>): StubHost {
  const host = new StubHost(example);
  host.settings = { ...emptySettings(), scheme };
  return host;
}

describe('a scheme stored under a preset’s id', () => {
  it('with other rules: shown as a changed copy of the preset, in the scheme line, the list and the 方案 view', async () => {
    const user = openPane(storing({ extends: 'gwy-2020', id: 'gwy-2020', quotas: [{ grades: ['好'], max: 0.5 }] }));
    await ready();
    expect(
      screen.getByText(`按工作簿中保存的方案：${GWY}（本单位修改） · gwy-2020-custom（基于 ${GWY} 修改）；17 个分项全部对上`),
    ).toBeTruthy();
    const list = screen.getByRole('combobox', { name: '考核方案' }) as HTMLSelectElement;
    expect([list.value, list.selectedOptions[0]!.textContent]).toEqual(['gwy-2020-custom', `${GWY}（本单位修改） · gwy-2020-custom`]);
    // 50% of 12 graded: the stored rules are the ones in use, not the preset's 40% (名额 4).
    await user.click(screen.getByRole('tab', { name: '名额' }));
    expect(screen.getByText('全单位“好”6 人，名额 6 人')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '方案内容与修改' }));
    await screen.findByRole('heading', { name: '方案内容' });
    expect(screen.getByText('基于 gwy-2020 修改')).toBeTruthy();
  });

  it('in English too', async () => {
    openPane(storing({ extends: 'gwy-2020', id: 'gwy-2020', quotas: [{ grades: ['好'], max: 0.5 }] }), 'en');
    await screen.findByText(/^Scheme saved in the workbook: .*gwy-2020-custom \(changed from .*\); /);
  });

  it('with the preset’s own rules: the preset', async () => {
    openPane(storing(JSON.parse(JSON.stringify(preset('gwy-2020'))) as Record<string, unknown>));
    await ready();
    expect(screen.getByText(`按工作簿中保存的方案：${GWY} · gwy-2020；17 个分项全部对上`)).toBeTruthy();
    expect((screen.getByRole('combobox', { name: '考核方案' }) as HTMLSelectElement).value).toBe('gwy-2020');
    expect(screen.queryByText(/本单位修改|基于/)).toBeNull();
  });
});
