/**
 * A workbook holding what a real office's appraisal workbook may hold, built in code for the
 * tests of the copy written into the input's own package: conditional formats, validations (the
 * sheet's own and Excel 2010's extension block), defined names, an image and a text box in one
 * drawing, notes, internal and external links, a formula sheet reading the graded sheet, a hidden
 * sheet, sheet and workbook protection, print settings, custom document properties, a named
 * cell style and a threaded comment. What exceljs cannot write is put in as raw XML with jszip.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkGrid, type Grid } from '../../src/engine';
import { issueMarks } from '../../src/hosts/file/write';
import { preset } from '../../src/schemes';
import { gwySheet } from './sheets';
import { addGridSheet, tempDir } from './xlsx';

// A 1×1 red PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

export interface RichWorkbook {
  file: string;
  grid: Grid;
  /** A marked cell that already had a note, and one that holds a threaded comment. */
  noted: string;
  threaded: string;
}

export async function writeRichWorkbook(file = join(tempDir(), 'rich.xlsx')): Promise<RichWorkbook> {
  const { grid } = gwySheet([
    { name: '张三', base: 88, total: 90 },
    { name: '李四', base: 80, bonus: 9 },
    { name: '王五', base: 70, remark: '试用期' },
    { name: '赵六', base: 92 },
    { name: '钱七', base: 61, total: 61, grade: '好' },
  ]);
  const marked = [...issueMarks(checkGrid(grid, preset('gwy-2020')!)!.issues, 'zh').keys()];
  const [noted, threaded] = [marked[0]!, marked[1]!];

  const wb = new ExcelJS.Workbook();
  const intro = wb.addWorksheet('填表说明');
  intro.getCell('A1').value = '请于每季度结束后5日内报送';
  intro.getCell('A1').font = { bold: true, color: { argb: 'FFFF0000' } };
  const ws = addGridSheet(wb, grid);
  const stats = wb.addWorksheet('统计');
  stats.getCell('A1').value = '好';
  stats.getCell('B1').value = { formula: 'COUNTIF(第一季度!X5:X9,"好")', result: 0 }; // stale until recalculated
  stats.getCell('A2').value = '合计之和';
  stats.getCell('B2').value = { formula: 'SUM(第一季度!W5:W9)', result: 0 };
  const hidden = wb.addWorksheet('隐藏', { state: 'hidden' });
  ['好', '较好', '一般', '较差'].forEach((g, i) => (hidden.getCell(i + 1, 1).value = g));

  ws.getColumn(2).width = 13.5;
  ws.views = [{ state: 'frozen', xSplit: 3, ySplit: 4 }];
  ws.getCell(noted).note = '原有批注：请核对';
  ws.addConditionalFormatting({
    ref: 'W5:W9',
    rules: [
      {
        type: 'cellIs',
        operator: 'lessThan',
        priority: 1,
        formulae: [70],
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC000' } } },
      },
    ],
  });
  ws.getCell('X5').dataValidation = { type: 'list', allowBlank: true, formulae: ['"好,较好,一般,较差"'] };
  ws.getCell('AA2').value = { text: '考核办法', hyperlink: 'https://www.example.org/kaohe' };
  ws.getCell('AA3').value = { text: '看统计', hyperlink: '#统计!A1' };
  ws.pageSetup = {
    orientation: 'landscape',
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printArea: 'A1:Y9',
    printTitlesRow: '3:4',
  };
  ws.headerFooter = { oddFooter: '第 &P 页' };
  await ws.protect('', { selectLockedCells: true, formatCells: true });
  wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' });
  ws.addImage(0, 'AA5:AC8');
  wb.definedNames.add("'第一季度'!$W$5:$W$9", '合计区');
  wb.creator = '办公室';
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());

  const zip = await JSZip.loadAsync(bytes);
  const edit = async (name: string, change: (s: string) => string) => zip.file(name, change(await zip.file(name)!.async('string')));
  const sheetPart = 'xl/worksheets/sheet2.xml';
  await edit('xl/workbook.xml', (s) => s.replace(/(<workbookPr\b[^>]*\/>)/, '$1<workbookProtection lockStructure="1"/>'));
  // Excel 2010's validation block: a list from the hidden sheet.
  await edit(sheetPart, (s) =>
    s.replace(
      '</worksheet>',
      '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>隐藏!$A$1:$A$4</xm:f></x14:formula1><xm:sqref>X6:X9</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>',
    ),
  );
  // A text box beside the image, in the same drawing.
  await edit('xl/drawings/drawing1.xml', (s) =>
    s.replace(
      /<\/xdr:wsDr>$/,
      '<xdr:twoCellAnchor><xdr:from><xdr:col>27</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>10</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>30</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>13</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="9" name="文本框 8"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1800000" cy="500000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>本表由办公室填报</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>',
    ),
  );
  // A named cell style.
  await edit('xl/styles.xml', (s) =>
    s
      .replace(
        /<cellStyleXfs count="(\d+)">([\s\S]*?)<\/cellStyleXfs>/,
        (_m, n: string, body: string) =>
          `<cellStyleXfs count="${Number(n) + 1}">${body}<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`,
      )
      .replace(
        /<cellStyles count="(\d+)">([\s\S]*?)<\/cellStyles>/,
        (_m, n: string, body: string) => `<cellStyles count="${Number(n) + 1}">${body}<cellStyle name="考核标题" xfId="1"/></cellStyles>`,
      ),
  );
  // Custom document properties.
  zip.file(
    'docProps/custom.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="密级"><vt:lpwstr>内部</vt:lpwstr></property></Properties>',
  );
  await edit('_rels/.rels', (s) =>
    s.replace(
      '</Relationships>',
      '<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
    ),
  );
  // A threaded comment on a cell kaohe marks.
  zip.file(
    'xl/threadedComments/threadedComment1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="${threaded}" dT="2026-04-01T09:00:00.00" personId="{6E0E9D7A-0000-4000-8000-000000000001}" id="{6E0E9D7A-0000-4000-8000-000000000002}"><text>请科室核实</text></threadedComment></ThreadedComments>`,
  );
  await edit('xl/worksheets/_rels/sheet2.xml.rels', (s) =>
    s.replace(
      '</Relationships>',
      '<Relationship Id="rIdThreaded" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/></Relationships>',
    ),
  );
  await edit('[Content_Types].xml', (s) =>
    s.replace(
      '</Types>',
      '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/><Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/></Types>',
    ),
  );
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return { file, grid, noted, threaded };
}
