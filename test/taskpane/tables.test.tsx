/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * The pane on the preview's Excel with the roster kept as an Excel table (issue #20): in 公式 mode, the totals and
 * grades that fall in the table's columns are written as values, since a formula there would become a calculated
 * column over the people kaohe does not write. The pane says so, naming the table and the number of cells.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor } from '@testing-library/react';
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

it('in 公式 mode, says how many cells went into the table as values, and which table', async () => {
  const plan = buildPlan(checkGrid(example, preset('gwy-2020')!)!, example, { formulas: true });
  const formulas = plan.writes.filter((w) => w.after.formula !== null);
  const book = PreviewWorkbook.fromGrids([example]);
  const sheet = book.activeSheet();
  // The roster, header to last person, as table 名单: every cell the plan writes is inside it.
  const rows = plan.writes.map((w) => w.row);
  const cols = plan.writes.map((w) => w.col);
  sheet.tables = [{ name: '名单', area: { top: Math.min(...rows) - 1, left: 1, bottom: Math.max(...rows), right: Math.max(...cols) } }];
  installOffice(globalThis as unknown as Record<string, unknown>, { book, language: 'zh-CN', apiVersion: '1.20' });

  const user = userEvent.setup({ delay: null });
  render(
    <FluentProvider theme={webLightTheme}>
      <Pane host={new ExcelHost()} locale="zh" />
    </FluentProvider>,
  );
  await screen.findByText('16 人：定等次 12，不定等次 2，不参加 2');
  await user.click(screen.getByRole('tab', { name: '计算' }));
  await user.click(screen.getByRole('radio', { name: '公式（改分后自动重算）' }));
  // The mode is saved in the workbook first: the pane's buttons wait for it.
  await waitFor(() => expect((screen.getByRole('button', { name: '预览写入内容' }) as HTMLButtonElement).disabled).toBe(false));
  await user.click(screen.getByRole('button', { name: '预览写入内容' }));
  await user.click(await screen.findByRole('button', { name: '写入表格' }));
  expect(formulas.length).toBeGreaterThan(10);
  await screen.findByText(
    `已写入 ${plan.writes.length} 格。可按 Ctrl+Z 一次撤销，或点“撤销”。其中 ${formulas.length} 格在表格“名单”里，写入的是数值而不是公式：公式写进表格的列会填满整列，连不写入的人也会填上。改分后请重新计算。`,
  );
  // Values, as the plan computed them, and no formula in the table.
  expect(
    formulas.map((w) => [w.cell, book.cell(sheet, w.row, w.col)?.value ?? null, book.cell(sheet, w.row, w.col)?.formula ?? null]),
  ).toEqual(formulas.map((w) => [w.cell, w.after.value, null]));
});
