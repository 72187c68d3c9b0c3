/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { configure } from '@testing-library/dom';
import type { Grid } from '../../src/engine';
import { HostError } from '../../src/hosts/host';
import { exampleSheets, openPane } from './open-pane';
import { StubHost } from './stub-host';

// Role queries skip the visibility check: computing styles for every element is what makes them slow in jsdom.
configure({ defaultHidden: true });

let example: Grid;
beforeAll(async () => {
  example = (await exampleSheets('gwy-2020-q1.xlsx'))[0]!;
});

const open = openPane;

const ready = () => screen.findByText('16 人：定等次 12，不定等次 2，不参加 2');

describe('the task pane', () => {
  it('checks the active sheet on opening, with the recognised scheme, and lists the issues by severity', async () => {
    const host = new StubHost(example);
    open(host);
    await ready();
    expect(host.reads).toBe(1);
    expect(screen.getByText('按表头识别：公务员平时考核（全国模板：好/较好/一般/较差） · gwy-2020，17 个分项全部对上')).toBeTruthy();
    expect(screen.getByText('错误 6 个，警告 2 个')).toBeTruthy();
    expect(screen.getByText('思想政治素质 6.5 超过满分 6')).toBeTruthy();
    expect(screen.getByText('请改为 0–6 分之间的分数')).toBeTruthy();
  });

  it('selects the cell of an issue when it is clicked, by keyboard too', async () => {
    const host = new StubHost(example);
    const user = open(host);
    await ready();
    await user.click(screen.getByText('思想政治素质 6.5 超过满分 6'));
    const other = screen.getByText('出勤情况是错误值 #N/A').closest('button')!;
    other.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(host.selected).toEqual(['E10', 'O20']));
  });

  it('marks the issues in the sheet and clears them, keeping the record in the workbook', async () => {
    const host = new StubHost(example);
    const user = open(host);
    await ready();
    await user.click(screen.getByRole('button', { name: '在表格中标记问题' }));
    await screen.findByText('已标记 8 个单元格（底色和批注），可随时清除');
    expect(host.settings?.marks?.cells).toHaveLength(8);
    await user.click(screen.getByRole('button', { name: '清除标记' }));
    await screen.findByText('标记已清除，单元格恢复原样');
    expect([host.cleared, host.settings?.marks]).toEqual([1, undefined]);
  });

  it('says the marks are fills only where Excel adds no notes (before ExcelApi 1.18)', async () => {
    const host = new StubHost(example);
    host.notes = false;
    const user = open(host);
    await ready();
    await user.click(screen.getByRole('button', { name: '在表格中标记问题' }));
    await screen.findByText('已标记 8 个单元格（底色），可随时清除');
    expect(host.settings?.marks?.cells.map((c) => c.note)).toEqual(Array(8).fill(false));
  });

  it('previews what it will write, writes it, and undoes it exactly', async () => {
    const host = new StubHost(example);
    const user = open(host);
    await ready();
    await user.click(screen.getByRole('tab', { name: '计算' }));
    await user.click(screen.getByRole('button', { name: '预览写入内容' }));
    // Y11 says 好 where the bands give 较好: gwy-2020 can give 好 directly, for a reason the sheet may not show — kept.
    expect(screen.getByTestId('preview-counts').textContent).toBe('将写入 11 人：总分 9 人、等次 11 人');
    // Every line names its person first (name and unit), the cell second.
    expect(screen.getByText('共 20 个单元格')).toBeTruthy();
    expect(
      screen.getByText('赵磊（综合股）：Y11 的等次与分数段不同，可能另有依据（直接定等次、一票否决等），保留原等次，请核实'),
    ).toBeTruthy();
    expect(document.querySelector('li[data-cell="X14"]')!.textContent).toBe('周杰（办公室）：总分 85 → 84 X14');
    expect(screen.getByText('朱琳（预算股）：分数有误或缺项，不写入')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '写入表格' }));
    await screen.findByText('已写入 20 格。可点“撤销”恢复原样。');
    // The quota as it stands after the write, restated beside it.
    const after = screen.getByTestId('after-write');
    expect([...after.querySelectorAll('[data-quota]')].map((q) => q.textContent)).toEqual([
      '写入后：全单位“好”6 人，名额 4 人，仍超出 2 人',
    ]);
    expect(within(after).getByText('谁调整由考核小组决定：“名额”中按总分排序并标出分界线和同分者。')).toBeTruthy();
    expect(host.applied).toHaveLength(1);
    expect(host.grid.values[7]![23]).toBe(91); // X8 刘洋
    await user.click(screen.getByRole('button', { name: '撤销上次写入' }));
    await screen.findByText('已撤销，写入的单元格恢复原样');
    expect(host.grid.values).toEqual(example.values);
  });

  it('writes live formulas when chosen, and remembers the choice in the workbook', async () => {
    const host = new StubHost(example);
    const user = open(host);
    await ready();
    await user.click(screen.getByRole('tab', { name: '计算' }));
    await user.click(screen.getByRole('radio', { name: '公式（改分后自动重算）' }));
    await waitFor(() => expect(host.settings?.formulas).toBe(true));
    await user.click(screen.getByRole('button', { name: '预览写入内容' }));
    await user.click(screen.getByRole('button', { name: '写入表格' }));
    await screen.findByText(/已写入 \d+ 格/);
    expect(host.applied[0]!.writes.find((w) => w.cell === 'X5')!.after.formula).toMatch(/^=ROUND\(SUM\(E5:H5\)/);
  });

  it('shows each quota with the people at the cut line and the ties', async () => {
    const host = new StubHost(example);
    const user = open(host);
    await ready();
    await user.click(screen.getByRole('tab', { name: '名额' }));
    const card = screen.getByRole('region', { name: '好 全单位' });
    expect(within(card).getByText('全单位“好”6 人，名额 4 人')).toBeTruthy();
    expect(within(card).getByText('超出 2 人')).toBeTruthy();
    expect(within(card).getByText('— 名额分界线 —')).toBeTruthy();
    const items = within(card)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual(['杨帆 95.5', '王建国 95', '李秀英 91.5', '张伟 91同分', '— 名额分界线 —', '刘洋 91同分', '陈静 90']);
  });

  it('lets a column be corrected once and saved in the workbook', async () => {
    const grid: Grid = { ...example, values: example.values.map((r) => [...r]) };
    grid.values[3]![15] = '其他'; // P4: a header the scheme does not know
    const host = new StubHost(grid);
    const user = open(host);
    await ready();
    expect(screen.getByText(/错误 \d+ 个/).textContent).not.toBe('错误 6 个，警告 2 个');
    await user.click(screen.getByRole('tab', { name: '列对应' }));
    await user.selectOptions(screen.getByRole('combobox', { name: /识别为 P 绩（35分） 其他/ }), '工作负荷');
    await user.click(screen.getByRole('button', { name: '保存列对应' }));
    await screen.findByText('列对应已保存到工作簿');
    expect(host.settings?.columns['第一季度']?.['16']).toEqual({ kind: 'field', id: 'fuhe' });
    await user.click(screen.getByRole('tab', { name: '检查' }));
    expect(screen.getByText('错误 6 个，警告 2 个')).toBeTruthy();
  });

  it('gives a role to the column chosen last, sets the column that had it to 不使用 and says so under the choice (issue #17)', async () => {
    const grid: Grid = { ...example, values: example.values.map((r) => [...r]) };
    grid.values[3]![15] = '其他'; // P4: a header the scheme does not know
    const host = new StubHost(grid);
    const user = open(host);
    await ready();
    await user.click(screen.getByRole('tab', { name: '列对应' }));
    const role = (col: string) => screen.getByRole('combobox', { name: new RegExp(`^识别为 ${col} `) }) as HTMLSelectElement;
    await user.selectOptions(role('P'), '工作负荷');
    expect(screen.queryByText(/只能对应一列/)).toBeNull();
    // Q takes 工作负荷 from P, which was itself a correction: the latest choice wins, and the move is said under Q.
    await user.selectOptions(role('Q'), '工作负荷');
    const notice = await screen.findByText('“工作负荷”只能对应一列：原来的 P 列改为不使用');
    expect(notice.closest('li')?.getAttribute('data-col')).toBe('Q');
    expect(notice.closest('[role="status"]')).not.toBeNull();
    expect([role('P').value, role('Q').value]).toEqual(['ignored', 'field:fuhe']);
    await user.click(screen.getByRole('button', { name: '保存列对应' }));
    await screen.findByText('列对应已保存到工作簿');
    expect(host.settings?.columns['第一季度']).toMatchObject({ '16': { kind: 'ignored' }, '17': { kind: 'field', id: 'fuhe' } });
    // One message at a time: the notice went when the confirmation came.
    expect(screen.queryByText(/只能对应一列/)).toBeNull();
  });

  it('tries a scheme picked from the list on the sheet, and saves it for the next person only when confirmed', async () => {
    const host = new StubHost(example);
    const user = open(host);
    await ready();
    await user.selectOptions(screen.getByRole('combobox', { name: '考核方案' }), 'five-dims');
    // Tried, not saved: its fit and the issues it finds are shown (the picked scheme fits this gwy-2020 sheet badly).
    await screen.findByText(
      /^正在本表试用 公务员平时（绩效）考核（五项指标，分考核单元定名额） · five-dims（尚未保存）：相符度 \d+(\.\d+)?%，错误 \d+ 个、警告 \d+ 个。/,
    );
    expect(
      screen.getByText(/^按指定方案：公务员平时（绩效）考核（五项指标，分考核单元定名额） · five-dims；与本表不太相符：/),
    ).toBeTruthy();
    expect(host.settings?.scheme).toBeUndefined();
    await user.click(screen.getByRole('button', { name: '保存到工作簿' }));
    await screen.findByText('方案已保存到工作簿，下次打开时沿用');
    expect(host.settings?.scheme).toBe('five-dims');
    // From now on it is the workbook's scheme, and nothing is left to confirm.
    expect(screen.getByText(/^按工作簿中保存的方案：公务员平时（绩效）考核（五项指标，分考核单元定名额） · five-dims；/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '保存到工作簿' })).toBeNull();
  });

  it('refuses to write after the sheet changed, until it is checked again', async () => {
    const host = new StubHost(example);
    const user = open(host);
    await ready();
    await user.click(screen.getByRole('tab', { name: '计算' }));
    act(() => host.change());
    const warning = await screen.findByText('表格在检查之后有改动，请重新检查后再写入');
    expect((screen.getByRole('button', { name: '预览写入内容' }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(within(warning.closest('.kaohe-Notice') as HTMLElement).getByRole('button', { name: '重新检查' }));
    await waitFor(() => expect((screen.getByRole('button', { name: '预览写入内容' }) as HTMLButtonElement).disabled).toBe(false));
  });

  it('says so clearly when the sheet is protected, and writes nothing', async () => {
    const host = new StubHost(example);
    const user = open(host);
    await ready();
    await user.click(screen.getByRole('tab', { name: '计算' }));
    await user.click(screen.getByRole('button', { name: '预览写入内容' }));
    host.failNext = new HostError('protected');
    await user.click(screen.getByRole('button', { name: '写入表格' }));
    expect((await screen.findByRole('alert')).textContent).toContain('工作表受保护，无法写入');
    expect(host.applied).toEqual([]);
  });

  it('tells where no roster is, instead of failing', async () => {
    const host = new StubHost({ sheet: '说明', top: 1, left: 1, values: [['填表说明'], ['每季度报送']], merges: [] });
    open(host);
    expect(await screen.findByText(/工作表“说明”中找不到花名册/)).toBeTruthy();
  });

  it('speaks English when Office runs in English', async () => {
    const host = new StubHost(example);
    const user = open(host, 'en');
    await screen.findByText('16 people: 12 graded, 2 without a grade, 2 not appraised here');
    expect(screen.getByText('Political quality 6.5 is over the maximum of 6')).toBeTruthy();
    await user.click(screen.getByRole('tab', { name: 'Quotas' }));
    expect(screen.getByText('Whole office: "好" 6, limit 4')).toBeTruthy();
  });
});
