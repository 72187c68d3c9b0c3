/**
 * The 方案说明表 through the file host (exceljs): painted into a workbook, saved, opened again and read
 * back to the same scheme — the data below the print area survives a save, and the print area
 * leaves it out.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { editScheme } from '../../src/app';
import { parseSetting, schemeForm, schemeOnSheet } from '../../src/engine';
import { addFormSheet } from '../../src/hosts/file/forms';
import { worksheetToGrid } from '../../src/hosts/file/sheet';
import { preset, schemeFromText } from '../../src/schemes';
import { tempDir } from '../helpers/xlsx';

it('paints the 方案说明表 with exceljs and reads the same scheme back after a save', async () => {
  const mine = editScheme(preset('gwy-2020')!, { settings: [parseSetting('quota.好.max=30%')], locale: 'zh' });
  const wb = new ExcelJS.Workbook();
  const name = addFormSheet(wb, schemeForm(mine, 'zh'));
  const file = join(tempDir(), 'scheme.xlsx');
  await wb.xlsx.writeFile(file);

  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(file);
  const ws = back.getWorksheet(name)!;
  const onSheet = schemeOnSheet(worksheetToGrid(ws))!;
  expect(schemeFromText(onSheet.text, 'zh')).toEqual(mine);
  expect(onSheet.lines).toContain('好不超过 30%，按全单位计算，人数向下取整');
  // What prints ends above the data.
  const printArea = String(ws.pageSetup.printArea);
  const lastPrinted = Number(/(\d+)$/.exec(printArea)?.[1]);
  const dataRow = ws.getColumn(1).values.findIndex((v) => typeof v === 'string' && v.startsWith('方案数据'));
  expect(lastPrinted).toBeLessThan(dataRow);
});
