/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * The pane follows the workbook (issue #17): another sheet activated is checked, or the pane says the results are
 * for another sheet; the ribbon command's write is checked again; an undo goes to the sheet it was written on.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { configure } from '@testing-library/dom';
import type { Grid } from '../../src/engine';
import { oneClick } from '../../src/commands/one-click';
import { bookHost, exampleSheets, openPane } from './open-pane';
import { StubHost } from './stub-host';

configure({ defaultHidden: true });

let year: Grid[];
let q1: Grid;
beforeAll(async () => {
  year = await exampleSheets('gwy-2020-year.xlsx');
  q1 = (await exampleSheets('gwy-2020-q1.xlsx'))[0]!;
});

const Q1 = '11 人：定等次 9，不定等次 1，不参加 1';
const Q2 = '11 人：定等次 10，不定等次 0，不参加 1';
const sheetLine = () => screen.getByText(/^工作表：/).textContent;

describe('the pane follows the workbook', () => {
  it('checks the sheet activated, and names it', async () => {
    const host = bookHost(year, '第一季度');
    openPane(host);
    await screen.findByText(Q1);
    expect(sheetLine()).toBe('工作表：第一季度');
    act(() => host.activate('第二季度'));
    await screen.findByText(Q2);
    expect(sheetLine()).toBe('工作表：第二季度');
    expect(screen.queryByText(Q1)).toBeNull();
    expect(host.reads).toBe(2);
    // Back again.
    act(() => host.activate('第一季度'));
    await screen.findByText(Q1);
    expect(host.reads).toBe(3);
  });

  it('keeps column corrections not saved: says the results are another sheet’s, with one button to check the active one', async () => {
    const host = bookHost(year, '第一季度');
    const user = openPane(host);
    await screen.findByText(Q1);
    await user.click(screen.getByRole('tab', { name: '列对应' }));
    await user.selectOptions(screen.getByRole('combobox', { name: /识别为 M 备注/ }), '不使用');
    act(() => host.activate('第二季度'));
    const notice = await screen.findByText('当前工作表是“第二季度”，下面仍是“第一季度”的结果：列对应的改动尚未保存。');
    expect(host.reads).toBe(1);
    expect(sheetLine()).toBe('工作表：第一季度');
    await user.click(within(notice.closest('.kaohe-Notice') as HTMLElement).getByRole('button', { name: '检查“第二季度”' }));
    await waitFor(() => expect(sheetLine()).toBe('工作表：第二季度'));
    // The corrections were made for 第一季度: not carried over.
    expect(screen.queryByText(/当前工作表是/)).toBeNull();
    await user.click(screen.getByRole('tab', { name: '列对应' }));
    expect((screen.getByRole('button', { name: '保存列对应' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('checks the sheet again when the ribbon’s 一键计算等次 wrote it, and says so', async () => {
    const host = new StubHost(q1);
    const user = openPane(host);
    await screen.findByText('错误 6 个，警告 2 个');
    // X14's wrong total is one of the errors; the ribbon command puts it right.
    expect(screen.getByText(/^表中总分 85 与按方案计算的 84 不一致/)).toBeTruthy();
    await user.click(screen.getByRole('tab', { name: '计算' }));
    await user.click(screen.getByRole('button', { name: '预览写入内容' }));
    expect(screen.getByTestId('preview-counts').textContent).toBe('将写入 11 人：总分 9 人、等次 11 人');
    await act(async () => {
      await oneClick(host, 'zh');
    });
    expect(host.announced).toEqual([true]);
    await screen.findByText('“一键计算等次”写入了本表，已重新检查');
    expect(host.reads).toBe(3); // the pane's, the command's, the pane's again
    // The preview of the writes made before is gone: nothing is left to write.
    expect(screen.queryByTestId('preview-counts')).toBeNull();
    await user.click(screen.getByRole('button', { name: '预览写入内容' }));
    expect(screen.getByText('总分和等次都已正确，无需写入')).toBeTruthy();
    await user.click(screen.getByRole('tab', { name: '检查' }));
    expect(screen.getByText('错误 5 个，警告 2 个')).toBeTruthy();
    expect(screen.queryByText(/^表中总分 85 与按方案计算的 84 不一致/)).toBeNull();
  });

  it('undoes the last write in the sheet it was written on after another sheet is checked: no phantom in the other', async () => {
    const host = bookHost(year, '第一季度');
    const q2 = host.others.find((g) => g.sheet === '第二季度')!;
    const user = openPane(host);
    await screen.findByText(Q1);
    await user.click(screen.getByRole('tab', { name: '计算' }));
    // Formulas: a total in every row, where 第二季度 holds other totals.
    await user.click(screen.getByRole('radio', { name: '公式（改分后自动重算）' }));
    await user.click(screen.getByRole('button', { name: '预览写入内容' }));
    await user.click(screen.getByRole('button', { name: '写入表格' }));
    await screen.findByText(/^已写入 \d+ 格/);
    expect(host.sheet('第一季度')!.formulas?.[2]?.[10]).toMatch(/^=ROUND\(/);

    act(() => host.activate('第二季度'));
    await waitFor(() => expect(sheetLine()).toBe('工作表：第二季度'));
    expect(screen.getByText('撤销将恢复工作表“第一季度”中写入的单元格')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '撤销上次写入' }));
    await screen.findByText('已撤销工作表“第一季度”中的写入，单元格恢复原样');
    expect(host.applied.map((p) => p.sheet)).toEqual(['第一季度', '第一季度']);
    expect(host.sheet('第一季度')!.values).toEqual(year[0]!.values);
    expect(host.sheet('第一季度')!.formulas?.flat().filter(Boolean)).toEqual([]);
    expect(host.grid).toBe(q2);
    // 第二季度 as it is: no total or grade of 第一季度's put into the pane's copy of it.
    await user.click(screen.getByRole('tab', { name: '检查' }));
    expect(screen.getByText(Q2)).toBeTruthy();
    expect(screen.getByText('没有发现问题')).toBeTruthy();
    expect(screen.queryByText(/不是本方案的等次|不符/)).toBeNull();
  });

  it('will not undo a write whose sheet was changed since, though it was checked again', async () => {
    const host = new StubHost(q1);
    const user = openPane(host);
    await screen.findByText('错误 6 个，警告 2 个');
    await user.click(screen.getByRole('tab', { name: '计算' }));
    await user.click(screen.getByRole('button', { name: '预览写入内容' }));
    await user.click(screen.getByRole('button', { name: '写入表格' }));
    await screen.findByText(/^已写入 20 格/);
    act(() => host.change());
    await screen.findByText('表格在检查之后有改动，请重新检查后再写入');
    await user.click(screen.getAllByRole('button', { name: '重新检查' })[0]!);
    await waitFor(() => expect(screen.queryByText('表格在检查之后有改动，请重新检查后再写入')).toBeNull());
    await user.click(screen.getByRole('button', { name: '撤销上次写入' }));
    expect((await screen.findByRole('alert')).textContent).toContain('写入之后表格又有改动，撤销会覆盖这些改动');
    expect(host.applied).toHaveLength(1);
  });
});
