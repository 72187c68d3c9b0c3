/**
 * A large .xlsx is read through SheetJS for the read-only commands (LARGE_XLSX_BYTES): the
 * example with a bulky second sheet beside it must give the report the example gives alone.
 */
import ExcelJS from 'exceljs';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { LARGE_XLSX_BYTES } from '../../src/hosts/file/xlsx';
import { seeded } from '../helpers/random';
import { tempDir } from '../helpers/xlsx';
import { kaoheJson } from './helpers';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'gwy-2020-q1.xlsx');

it('checks a large workbook through SheetJS and reports what exceljs reading the same sheet reports', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(EXAMPLE);
  // Random CJK text barely compresses: 9,000 rows of it make the file larger than the threshold.
  const pad = wb.addWorksheet('附件');
  const rand = seeded(11);
  const text = () => Array.from({ length: 60 }, () => String.fromCharCode(0x4e00 + Math.floor(rand() * 6000))).join('');
  for (let r = 1; r <= 9000; r++) pad.getRow(r).values = [text(), text(), text(), text()];
  const big = join(tempDir(), 'large.xlsx');
  await wb.xlsx.writeFile(big);
  expect(statSync(big).size).toBeGreaterThan(LARGE_XLSX_BYTES);

  const alone = await kaoheJson('check', EXAMPLE, '--scheme', 'gwy-2020');
  const large = await kaoheJson('check', big, '--scheme', 'gwy-2020');
  expect(large.code).toBe(alone.code);
  expect({ ...large.report, file: null }).toEqual({ ...alone.report, file: null });
  expect(large.report.people).toHaveLength(16);
}, 60000);
