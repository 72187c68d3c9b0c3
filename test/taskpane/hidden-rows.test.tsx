/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * The pane on the preview's Excel with two rows filtered out (issue #20, point 8), through the real Excel host: the
 * check names both people (hidden-row), the write preview says which rows it leaves and whose they are, and 写入表格
 * writes the rows shown — where the Excel host used to refuse the whole write — leaving the hidden rows' cells as
 * they were.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import { configure } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { buildPlan, checkGrid, type Grid } from '../../src/engine';
import { ExcelHost } from '../../src/hosts/excel/excel-host';
import { PreviewWorkbook } from '../../src/preview/model';
import { installOffice } from '../../src/preview/office-shim';
import { preset } from '../../src/schemes';
import { Pane } from '../../src/taskpane/Pane';
import { exampleSheets } from './open-pane';

configure({ defaultHidden: true });
jest.setTimeout(120_000);

let example: Grid;
beforeAll(async () => {
  example = (await exampleSheets('gwy-2020-q1.xlsx'))[0]!;
});

it('reports the people on hidden rows, previews the rows it leaves, and writes only the rows shown', async () => {
  // Two people the plan writes for when every row is shown: their rows are filtered out.
  const shown = buildPlan(checkGrid(example, preset('gwy-2020')!)!, example, { formulas: false });
  const rows = [...new Set(shown.writes.filter((w) => w.kind !== 'header').map((w) => w.row))];
  const hidden = [rows[1]!, rows[3]!];
  const book = PreviewWorkbook.fromGrids([{ ...example, hiddenRows: hidden }]);
  const sheet = book.activeSheet();
  const cells = (row: number) => shown.writes.filter((w) => w.row === row).map((w) => book.cell(sheet, w.row, w.col)?.value ?? null);
  const before = hidden.map(cells);
  installOffice(globalThis as unknown as Record<string, unknown>, { book, language: 'zh-CN', apiVersion: '1.20' });
  const names = checkGrid(example, preset('gwy-2020')!)!
    .people.filter((p) => hidden.includes(p.row))
    .map((p) => p.name);
  expect(names).toHaveLength(2);

  const user = userEvent.setup({ delay: null });
  render(
    <FluentProvider theme={webLightTheme}>
      <Pane host={new ExcelHost()} locale="zh" />
    </FluentProvider>,
  );
  await screen.findByText('16 人：定等次 12，不定等次 2，不参加 2');
  for (const name of names)
    expect(
      screen.getAllByText(new RegExp(`^${name}（.*）所在的行被隐藏或被筛选掉：照常检查，计入名额和排名，但考核助手不会写入这一行$`)),
    ).toHaveLength(1);

  await user.click(screen.getByRole('tab', { name: '计算' }));
  await user.click(screen.getByRole('button', { name: '预览写入内容' }));
  expect((await screen.findByTestId('preview-hidden')).textContent).toBe(
    `第 ${hidden.join('、')} 行（${names.join('、')}）被隐藏或筛选掉，不写入；取消筛选或取消隐藏后重新检查，才会写入`,
  );
  await user.click(await screen.findByRole('button', { name: '写入表格' }));
  await screen.findByText(/^已写入 \d+ 格/);
  // The rows shown are written as planned; the hidden rows hold what they held.
  expect(hidden.map(cells)).toEqual(before);
  const visible = shown.writes.filter((w) => w.kind !== 'header' && !hidden.includes(w.row));
  expect(visible.map((w) => [w.cell, book.cell(sheet, w.row, w.col)?.value ?? null])).toEqual(visible.map((w) => [w.cell, w.after.value]));
});
