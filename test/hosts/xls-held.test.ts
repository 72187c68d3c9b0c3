/**
 * The reader of what an .xls holds beyond values (src/hosts/file/xls-held), on workbook streams
 * assembled record by record: every kind it reports, where, and how many; and files it must
 * survive (cut records, lengths that claim more than there is, no workbook stream at all).
 */
import { readFileSync } from 'node:fs';
import { comparedWithCopy } from '../../src/cli/from-xls';
import type { XlsxHeld } from '../../src/hosts/file/xlsx-held';
import { MAX_PLACES, nameFormulas, xlsHeld } from '../../src/hosts/file/xls-held';
import { BOF, EOF, frozen, nameRecord, objRecord, rec, u16, workbookStream, xlsOfStream } from '../helpers/rich-xls';

/** A copy holding none of it. */
const EMPTY: XlsxHeld = { counts: new Map(), sheets: new Map(), notes: new Set(), names: [] };
const ref8 = (rwFirst: number, rwLast: number, colFirst: number, colLast: number) => u16(rwFirst, rwLast, colFirst, colLast);
const note = (row: number, col: number) => rec(0x001c, u16(row, col, 0, 1, 0), [0]);
const hlink = (row: number, col: number) => rec(0x01b8, ref8(row, row, col, col), Buffer.alloc(24));
/** CONDFMT with `rules` rules over one range. */
const condfmt = (rules: number, r: [number, number, number, number]) => rec(0x01b0, u16(rules, 1), ref8(...r), u16(1), ref8(...r));
/** DV with empty strings and formulas over one range. */
const dv = (r: [number, number, number, number]) =>
  rec(0x01be, Buffer.alloc(4), u16(1), [0, 0], u16(1), [0, 0], u16(1), [0, 0], u16(1), [0, 0], u16(0, 0), u16(0, 0), u16(1), ref8(...r));
/** SETUP: paper, scale, fit width and height, flags (0x0002 portrait, 0x0004 no printer settings). */
const setup = (paper: number, scale: number, fitW: number, fitH: number, grbit: number) =>
  rec(0x00a1, u16(paper, scale, 1, fitW, fitH, grbit, 600, 600), Buffer.alloc(16), u16(1));
const header = (text: string) => rec(0x0014, u16(text.length), [0], Buffer.from(text, 'latin1'));

function richStream(): Buffer {
  return workbookStream(
    [
      {
        name: '第一季度',
        records: [
          rec(0x0081, u16(0x05c1)), // WSBOOL with fit-to-page
          header('&C2026'),
          rec(0x001b, u16(2), u16(9, 0, 255, 19, 0, 255)), // two horizontal page breaks
          setup(9, 100, 1, 0, 0x0000), // A4, landscape, 1 page wide
          rec(0x0012, u16(1)), // sheet protected
          ...frozen(2, 4),
          note(4, 1),
          note(6, 2),
          note(8, 3),
          hlink(4, 2),
          condfmt(2, [4, 20, 3, 3]),
          dv([4, 20, 4, 4]),
          objRecord(0x19, 1), // a note's object: counted as a note, not twice
          objRecord(0x08, 2),
          objRecord(0x05, 3),
          BOF('chart'), // the chart's own substream, inside the sheet's
          rec(0x001c, u16(0, 0, 0, 9, 0), [0]), // nothing in a chart counts as the sheet's
          EOF(),
          objRecord(0x06, 4),
          objRecord(0x02, 5),
          rec(0x009d, u16(3)), // AUTOFILTERINFO
        ],
      },
      {
        name: '汇总',
        records: [setup(8, 80, 0, 0, 0x0002), rec(0x023e, u16(0x06b6, 0, 0), Buffer.alloc(12)), rec(0x0041, u16(0, 3, 3, 0), [3, 0])],
      },
    ],
    [nameRecord('德分', 0), nameRecord('本表合计', 1), nameRecord('', 1, 0x06), nameRecord('', 2, 0x07), rec(0x0012, u16(1))],
  );
}

describe('what an .xls holds beyond values', () => {
  it('lists each kind with its count and places, from the records themselves', () => {
    const held = xlsHeld(readFileSync(xlsOfStream(richStream())));
    expect(held.biff).toBe(true);
    expect(held.names).toEqual(['德分', '本表合计']);
    expect(held.kinds).toEqual([
      {
        kind: 'names',
        count: 2,
        places: [
          { sheet: null, ref: null, name: '德分' },
          { sheet: '第一季度', ref: null, name: '本表合计' },
        ],
      },
      {
        kind: 'notes',
        count: 3,
        places: [
          { sheet: '第一季度', ref: 'B5' },
          { sheet: '第一季度', ref: 'C7' },
          { sheet: '第一季度', ref: 'D9' },
        ],
      },
      { kind: 'hyperlinks', count: 1, places: [{ sheet: '第一季度', ref: 'C5' }] },
      { kind: 'conditional-formats', count: 2, places: [{ sheet: '第一季度', ref: 'D5:D21' }] },
      { kind: 'validations', count: 1, places: [{ sheet: '第一季度', ref: 'E5:E21' }] },
      { kind: 'pictures', count: 1, places: [{ sheet: '第一季度', ref: null }] },
      { kind: 'charts', count: 1, places: [{ sheet: '第一季度', ref: null }] },
      { kind: 'text-boxes', count: 1, places: [{ sheet: '第一季度', ref: null }] },
      { kind: 'shapes', count: 1, places: [{ sheet: '第一季度', ref: null }] },
      // 汇总's PANE without WINDOW2's frozen flag is a split, not frozen panes.
      { kind: 'frozen-panes', count: 1, places: [{ sheet: '第一季度', ref: 'C5' }] },
      {
        kind: 'print-settings',
        count: 2,
        places: [
          {
            sheet: '第一季度',
            ref: null,
            print: [
              { item: 'area', ref: 'A1:A5' },
              { item: 'fit', wide: 1, tall: 0 },
              { item: 'header' },
              { item: 'breaks', count: 2 },
              { item: 'landscape' },
            ],
          },
          {
            sheet: '汇总',
            ref: null,
            print: [
              { item: 'titles', ref: 'A1:A5' },
              { item: 'scale', percent: 80 },
              { item: 'paper', paper: 'A3' },
            ],
          },
        ],
      },
      { kind: 'sheet-protection', count: 1, places: [{ sheet: '第一季度', ref: null }] },
      { kind: 'workbook-protection', count: 1, places: [{ sheet: null, ref: null }] },
      { kind: 'filters', count: 1, places: [{ sheet: '第一季度', ref: null }] },
    ]);
  });

  it('says each kind in words, with the places, in Chinese and in English', () => {
    const held = xlsHeld(readFileSync(xlsOfStream(richStream())));
    expect(comparedWithCopy(held, EMPTY, 'kaohe', 2, 'zh').notCarried.map((k) => k.message)).toEqual([
      '名称 2 个（德分、本表合计（仅 第一季度））不会带到副本',
      '批注 3 条（第一季度 B5、C7、D9）不会带到副本',
      '超链接 1 个（第一季度 C5）不会带到副本',
      '条件格式 2 条（第一季度 D5:D21）不会带到副本',
      '数据验证 1 处（第一季度 E5:E21）不会带到副本',
      '图片 1 张（第一季度）不会带到副本',
      '图表 1 个（第一季度）不会带到副本',
      '文本框 1 个（第一季度）不会带到副本',
      '图形或控件 1 个（第一季度）不会带到副本',
      '冻结窗格 1 处（第一季度 冻结至 C5）不会带到副本',
      '2 张工作表的打印设置（第一季度：打印区域 A1:A5、缩放为 1 页宽 × 自动 页高、页眉、分页符 2 个、横向；汇总：打印标题 A1:A5、缩放 80%、A3 纸）不会带到副本',
      '1 张工作表的保护（第一季度）不会带到副本',
      '工作簿结构保护不会带到副本',
      '筛选 1 处（第一季度）不会带到副本',
    ]);
    expect(
      comparedWithCopy(held, EMPTY, 'kaohe', 2, 'en')
        .notCarried.slice(0, 2)
        .map((k) => k.message),
    ).toEqual([
      '2 defined names (德分, 本表合计 (第一季度 only)) will not be in the copy',
      '3 notes (第一季度 B5, C7, D9) will not be in the copy',
    ]);
  });

  it('names the sheet only where the workbook has several, and shows the first five places', () => {
    const notes = Array.from({ length: 7 }, (_, i) => note(4 + i, 1));
    const held = xlsHeld(readFileSync(xlsOfStream(workbookStream([{ name: 'Sheet1', records: notes }]))));
    const [k] = comparedWithCopy(held, EMPTY, 'kaohe', 1, 'zh').notCarried;
    expect(k).toEqual({
      kind: 'notes',
      count: 7,
      kept: 0,
      places: ['Sheet1!B5', 'Sheet1!B6', 'Sheet1!B7', 'Sheet1!B8', 'Sheet1!B9', 'Sheet1!B10', 'Sheet1!B11'],
      message: '批注 7 条（B5、B6、B7、B8、B9 等）不会带到副本',
    });
  });

  it('compares with what the copy holds: by name, by sheet, by cell, else by count', () => {
    const held = xlsHeld(readFileSync(xlsOfStream(richStream())));
    const copy: XlsxHeld = {
      counts: new Map([
        ['hyperlinks', 1],
        ['conditional-formats', 1],
        ['workbook-protection', 1],
      ]),
      sheets: new Map([['print-settings', new Set(['汇总', '平时考核结果汇总表'])]]),
      notes: new Set(['第一季度!B5', '第一季度!D9', '汇总!A1']),
      names: ['德分'],
    };
    const f = comparedWithCopy(held, copy, 'libreoffice', 2, 'zh');
    expect(f.carried.map((k) => [k.kind, k.count, k.kept, k.message])).toEqual([
      ['hyperlinks', 1, 1, '超链接 1 个'],
      ['workbook-protection', 1, 1, '工作簿结构保护'],
    ]);
    expect(f.notCarried.filter((k) => k.kept > 0).map((k) => [k.kind, k.count, k.kept, k.message])).toEqual([
      ['names', 2, 1, '名称 2 个（德分、本表合计（仅 第一季度））只有 1 带到了副本，其余不会带到副本'],
      ['notes', 3, 2, '批注 3 条（第一季度 B5、C7、D9）只有 2 带到了副本，其余不会带到副本'],
      ['conditional-formats', 2, 1, '条件格式 2 条（第一季度 D5:D21）只有 1 带到了副本，其余不会带到副本'],
      [
        'print-settings',
        2,
        1,
        '2 张工作表的打印设置（第一季度：打印区域 A1:A5、缩放为 1 页宽 × 自动 页高、页眉、分页符 2 个、横向；汇总：打印标题 A1:A5、缩放 80%、A3 纸）只有 1 带到了副本，其余不会带到副本',
      ],
    ]);
  });

  it('keeps the first places of a kind and counts all of them', () => {
    const notes = Array.from({ length: 300 }, (_, i) => note(i, 0));
    const held = xlsHeld(readFileSync(xlsOfStream(workbookStream([{ name: 'S', records: notes }]))));
    expect([held.kinds[0]!.count, held.kinds[0]!.places.length]).toEqual([300, MAX_PLACES]);
  });

  it('finds the formulas that use a defined name, not text or sheet names that look like one', () => {
    const found = nameFormulas(
      ['德分', 'Rate'],
      [
        { sheet: '汇总', ref: 'A1', formula: 'SUM(德分)' },
        { sheet: '汇总', ref: 'A2', formula: 'B2*rate' },
        { sheet: '汇总', ref: 'A3', formula: '"德分"&B3' },
        { sheet: '汇总', ref: 'A4', formula: "SUM('德分'!B1:B3)" },
        { sheet: '汇总', ref: 'A5', formula: 'RATE(1,2,3)' },
        { sheet: '汇总', ref: 'A6', formula: 'Sheet1!德分+1' },
      ],
    );
    expect(found).toEqual({
      kind: 'name-formulas',
      count: 3,
      places: [
        { sheet: '汇总', ref: 'A1', name: '德分' },
        { sheet: '汇总', ref: 'A2', name: 'rate' },
        { sheet: '汇总', ref: 'A6', name: '德分' },
      ],
    });
    expect(nameFormulas([], [{ sheet: 'S', ref: 'A1', formula: 'SUM(德分)' }])).toBeNull();
  });

  it('survives records cut short, lengths that claim more than there is, and files with no workbook stream', () => {
    const stream = richStream();
    // Every prefix of the stream: a file cut anywhere is read as far as it goes, never thrown on.
    for (let n = 0; n < stream.length; n += 7) expect(() => xlsHeld(readFileSync(xlsOfStream(stream.subarray(0, n))))).not.toThrow();
    const lying = workbookStream([{ name: 'S', records: [rec(0x01b0, u16(3, 1), ref8(0, 0, 0, 0), u16(65535), ref8(0, 0, 0, 0))] }]);
    expect(xlsHeld(readFileSync(xlsOfStream(lying))).kinds).toEqual([
      { kind: 'conditional-formats', count: 3, places: [{ sheet: 'S', ref: 'A1' }] },
    ]);
    expect(xlsHeld(Buffer.from('<html><table><tr><td>1</td></tr></table></html>'))).toEqual({ biff: false, kinds: [], names: [] });
    expect(xlsHeld(Buffer.alloc(4096, 0xd0))).toEqual({ biff: false, kinds: [], names: [] });
  });
});
