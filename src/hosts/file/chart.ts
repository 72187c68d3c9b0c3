/**
 * A bar chart written into an .xlsx that exceljs saved (exceljs writes no charts): the chart part,
 * a drawing that anchors it on a sheet, their relationships and content types. Used for the
 * folder check's summary (each unit's top-grade share against its limit). The chart reads its
 * data from cells (hidden ones too) and carries a cache of the same values, so that it shows before any recalculation.
 */
import JSZip from 'jszip';

export interface BarChart {
  /** The sheet the chart is drawn on, and its size in rows and columns from A1. */
  onSheet: string;
  rows: number;
  cols: number;
  title: string;
  /** The sheet the data is on, and the A1 ranges of the categories and of each series. */
  dataSheet: string;
  categories: { ref: string; values: string[] };
  series: { name: string; ref: string; values: (number | null)[] }[];
  /** Excel's number format of the value axis ('0%'). */
  format: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const sheetRef = (sheet: string, ref: string) => `'${sheet.replace(/'/g, "''")}'!${ref}`;

const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const COLOURS = ['4472C4', 'C00000'];

function richText(t: string, size: number): string {
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="${size}" b="1"/><a:t>${esc(t)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

function chartXml(ch: BarChart): string {
  const cat = `<c:cat><c:strRef><c:f>${esc(sheetRef(ch.dataSheet, ch.categories.ref))}</c:f><c:strCache><c:ptCount val="${ch.categories.values.length}"/>${ch.categories.values
    .map((v, i) => `<c:pt idx="${i}"><c:v>${esc(v)}</c:v></c:pt>`)
    .join('')}</c:strCache></c:strRef></c:cat>`;
  const series = ch.series
    .map(
      (s, k) =>
        `<c:ser><c:idx val="${k}"/><c:order val="${k}"/><c:tx><c:v>${esc(s.name)}</c:v></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${COLOURS[k % COLOURS.length]}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>${cat}` +
        `<c:val><c:numRef><c:f>${esc(sheetRef(ch.dataSheet, s.ref))}</c:f><c:numCache><c:formatCode>${esc(ch.format)}</c:formatCode><c:ptCount val="${s.values.length}"/>${s.values
          .map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`))
          .join('')}</c:numCache></c:numRef></c:val></c:ser>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${R}">` +
    `<c:roundedCorners val="0"/><c:chart><c:title>${richText(ch.title, 1400)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="60"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>` +
    // Categories from the top down, as the table reads.
    `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="t"/><c:majorGridlines/><c:numFmt formatCode="${esc(ch.format)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="1001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="0"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function drawingXml(rows: number, cols: number): string {
  const XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}">` +
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>${cols}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${rows}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${C}">` +
    `<c:chart xmlns:c="${C}" xmlns:r="${R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

/** The part path of a sheet, from the workbook's list of sheets and its relationships. */
async function sheetPart(zip: JSZip, name: string): Promise<string> {
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const sheet = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`name="${esc(name)}"`));
  const id = sheet?.match(/r:id="([^"]+)"/)?.[1];
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`Id="${id}"`));
  const target = rel?.match(/Target="([^"]+)"/)?.[1];
  if (!target) throw new Error(`sheet ${name} not found in the package`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** The .xlsx with the chart drawn on its sheet. The sheet must have no drawing yet (a sheet exceljs made for it). */
export async function withBarChart(xlsx: Buffer, ch: BarChart): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const part = await sheetPart(zip, ch.onSheet);
  const file = part.split('/').pop()!;
  const relsPath = part.replace(/[^/]+$/, `_rels/${file}.rels`);
  zip.file('xl/charts/chart1.xml', chartXml(ch));
  zip.file('xl/drawings/drawing1.xml', drawingXml(ch.rows, ch.cols));
  zip.file(
    'xl/drawings/_rels/drawing1.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${R}/chart" Target="../charts/chart1.xml"/></Relationships>`,
  );
  const drawingRel = `<Relationship Id="rIdKaoheChart" Type="${R}/drawing" Target="../drawings/drawing1.xml"/>`;
  const existing = zip.file(relsPath);
  zip.file(
    relsPath,
    existing
      ? (await existing.async('string')).replace('</Relationships>', `${drawingRel}</Relationships>`)
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL}">${drawingRel}</Relationships>`,
  );
  // <drawing> comes after the page setup and before legacy drawings, tables and extensions (CT_Worksheet's order).
  let sheet = await zip.file(part)!.async('string');
  if (!sheet.includes('xmlns:r=')) sheet = sheet.replace('<worksheet ', `<worksheet xmlns:r="${R}" `);
  const at = Math.min(
    ...[
      '<legacyDrawing',
      '<legacyDrawingHF',
      '<picture',
      '<oleObjects',
      '<controls',
      '<webPublishItems',
      '<tableParts',
      '<extLst',
      '</worksheet>',
    ]
      .map((t) => sheet.indexOf(t))
      .filter((i) => i >= 0),
  );
  sheet = `${sheet.slice(0, at)}<drawing r:id="rIdKaoheChart"/>${sheet.slice(at)}`;
  zip.file(part, sheet);
  let types = await zip.file('[Content_Types].xml')!.async('string');
  types = types.replace(
    '</Types>',
    '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>',
  );
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
