/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * The Excel host's year verbs (readSheets, addForms, removeSheets) on the preview's Excel with the
 * bundled year workbook: what they read is what the CLI reads, what they add is the forms' layout
 * cell for cell with a native chart and A4 print settings, and taking them back leaves the
 * workbook as it was.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { areaA1, findPeriodSheets, formLayout, isCellError, rollUpYear, yearForms } from '../../src/engine';
import { ExcelHost } from '../../src/hosts/excel/excel-host';
import { worksheetToGrid } from '../../src/hosts/file/sheet';
import { PreviewWorkbook } from '../../src/preview/model';
import { installOffice, type PreviewConfig } from '../../src/preview/office-shim';
import { preset } from '../../src/schemes';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'gwy-2020-year.xlsx');
let config: PreviewConfig;
let wb: ExcelJS.Workbook;

beforeEach(async () => {
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(EXAMPLE);
  config = { book: PreviewWorkbook.fromExcelJs(wb), language: 'zh-CN', apiVersion: '1.20' };
  installOffice(globalThis as unknown as Record<string, unknown>, config);
});

async function formsOf(host: ExcelHost) {
  const book = await host.readSheets((names) => names);
  const periods = findPeriodSheets(book.names).map((p) => ({ ...p, grid: book.grids.get(p.sheet)! }));
  const scheme = preset('gwy-2020')!;
  const out = rollUpYear({ scheme, periods, others: [book.grids.get('年度考核')!], overrides: () => ({}) });
  if (!out.ok) throw new Error(out.sheet);
  return yearForms(out.year, out.checked).map(formLayout);
}

describe('the Excel host’s year verbs', () => {
  it('reads the visible sheets’ names and the cells of those asked for in two round trips, as the file host reads them', async () => {
    const host = new ExcelHost();
    const before = config.book.roundTrips;
    const book = await host.readSheets((names) => names.filter((n) => n.endsWith('季度')));
    expect(config.book.roundTrips - before).toBe(2);
    expect(book.names).toEqual(wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name));
    expect([...book.grids.keys()]).toEqual(['第一季度', '第二季度', '第三季度', '第四季度']);
    const fromFile = worksheetToGrid(wb.getWorksheet('第二季度')!);
    const got = book.grids.get('第二季度')!;
    expect([got.top, got.left, got.merges]).toEqual([fromFile.top, fromFile.left, fromFile.merges]);
    expect(got.values).toEqual(fromFile.values);
  });

  it('adds the forms as new sheets in one round trip after the names: values, merges, a native chart, A4 landscape on one page', async () => {
    const host = new ExcelHost();
    const forms = await formsOf(host);
    const before = config.book.roundTrips;
    const added = await host.addForms(forms);
    // The names taken, then everything painted and the first form shown.
    expect(config.book.roundTrips - before).toBe(2);
    expect(added.names).toEqual(['平时考核结果汇总表', '年度考核登记汇总表']);
    expect(config.book.activeSheet().name).toBe('平时考核结果汇总表');

    forms.forEach((layout, k) => {
      const sheet = config.book.sheet(added.ids[k]!)!;
      expect(sheet.name).toBe(added.names[k]);
      layout.values.forEach((row, r) =>
        row.forEach((v, c) => {
          const cell = config.book.cell(sheet, r + 1, c + 1);
          const got = cell?.value ?? null;
          expect([r + 1, c + 1, isCellError(got) ? got.error : got]).toEqual([r + 1, c + 1, v]);
          expect(cell?.formula ?? null).toBeNull();
        }),
      );
      expect(sheet.merges).toEqual(layout.merges);
      expect(sheet.page).toMatchObject({
        orientation: 'Landscape',
        paperSize: 'A4',
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 },
      });
      expect(sheet.page['printTitleRows']).toBe('$3:$3');
      expect(config.book.cell(sheet, 3, 1)?.format).toMatchObject({ 'font.bold': true, 'border.EdgeTop.style': 'Continuous' });
      expect(sheet.columnWidths.get(2)).toBeCloseTo((layout.columnWidths[1]! * 7 + 5) * 0.75);
    });

    // The quarterly form: the distribution table charted beside itself, inside the print area.
    const quarterly = config.book.sheet(added.ids[0]!)!;
    const chart = forms[0]!.chart!;
    expect(quarterly.charts).toEqual([
      {
        type: 'ColumnClustered',
        source: areaA1(chart.data),
        seriesBy: 'Columns',
        title: '各季度等次分布',
        legend: 'Bottom',
        from: areaA1({ ...chart.anchor, bottom: chart.anchor.top, right: chart.anchor.left }),
        to: areaA1({ ...chart.anchor, top: chart.anchor.bottom, left: chart.anchor.right }),
      },
    ]);
    // 好 per quarter, counted by hand from the example: Q1 王建国 李明 张丽; Q2 王建国 李明 徐涛;
    // Q3 王建国 李明 徐涛 周杰; Q4 王建国 张丽 徐涛 周杰.
    const table = config.book.sheet(added.ids[0]!)!;
    const row = (label: string) => {
      for (let r = chart.data.top; r <= chart.data.bottom; r++)
        if (config.book.cell(table, r, 1)?.value === label) return [2, 3, 4, 5].map((c) => config.book.cell(table, r, c)?.value);
      return null;
    };
    expect(row('好')).toEqual([3, 3, 4, 4]);
    expect(row('较差')).toEqual([2, 3, 1, 1]);
    expect(quarterly.page['printArea']).toBe(`A1:J${chart.anchor.bottom}`);
    expect(config.book.sheet(added.ids[1]!)!.charts).toEqual([]);
  });

  it('picks free names when the forms were added before, and deletes exactly what it added', async () => {
    const host = new ExcelHost();
    const original = config.book.sheets.map((s) => s.name);
    const forms = await formsOf(host);
    const first = await host.addForms(forms);
    const second = await host.addForms(forms);
    expect(second.names).toEqual(['平时考核结果汇总表(2)', '年度考核登记汇总表(2)']);
    // Renamed by hand in between: still found by id.
    config.book.sheet(second.ids[0]!)!.name = '我的汇总';
    expect(await host.removeSheets(second)).toBe(2);
    expect(await host.removeSheets(second)).toBe(0);
    expect(config.book.sheets.map((s) => s.name)).toEqual([...original, ...first.names]);
    expect(await host.removeSheets(first)).toBe(2);
    expect(config.book.sheets.map((s) => s.name)).toEqual(original);
  });

  it('writes names that look like formulas as text', async () => {
    const host = new ExcelHost();
    const forms = await formsOf(host);
    forms[1]!.values[3]![1] = '=HYPERLINK("http://x","y")';
    const added = await host.addForms(forms);
    const cell = config.book.cell(config.book.sheet(added.ids[1]!)!, 4, 2)!;
    expect([cell.value, cell.formula]).toEqual(['=HYPERLINK("http://x","y")', null]);
  });
});
