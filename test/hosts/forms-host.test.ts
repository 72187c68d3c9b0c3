/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * A workbook of per-person forms (登记表) through the pane's Excel adapter, on the preview's Excel:
 * the whole workbook read with readSheets gives the use cases the same roster, grades, issues and
 * quota as the command line reads from the file; the active sheet alone (what 检查 reads) is one
 * form, and the pane and the ribbon command say it is a 登记表 instead of checking one person.
 */
import { activeSheet, analyseSheet, type WorkbookSource } from '../../src/app';
import { oneClick } from '../../src/commands/one-click';
import { toFormsReport } from '../../src/engine';
import { ExcelHost } from '../../src/hosts/excel/excel-host';
import { PreviewWorkbook } from '../../src/preview/model';
import { installOffice } from '../../src/preview/office-shim';
import { kaoheJson } from '../cli/helpers';
import { scoredBook } from '../helpers/forms';
import { writeXlsx } from '../helpers/xlsx';

beforeEach(() => {
  installOffice(globalThis as unknown as Record<string, unknown>, {
    book: PreviewWorkbook.fromGrids(scoredBook()),
    language: 'zh-CN',
    apiVersion: '1.20',
  });
});

describe('登记表 through the Excel adapter', () => {
  it('the workbook read by readSheets is the roster the command line checks, person for person and cell for cell', async () => {
    const host = new ExcelHost();
    const read = await host.readSheets((names) => names);
    expect(read.names).toEqual(['张三', '李四', '王五', '赵六', '钱七']);
    const book: WorkbookSource = {
      sheets: read.names.map((name) => ({ name, visible: true, grid: () => read.grids.get(name)! })),
      settings: null,
      settingsBroken: false,
    };
    const outcome = analyseSheet(book, { locale: 'zh' });
    if (!outcome.ok || !outcome.analysis.forms) throw new Error('not read as forms');
    const pane = toFormsReport(outcome.analysis.forms, 'zh', { source: outcome.analysis.source, fit: outcome.analysis.fit });
    expect(pane.people.map((p) => [p.sheet, p.name, p.total, p.grade, p.status])).toEqual([
      ['张三', '张三', 98, '好', 'graded'],
      ['李四', '李四', 95, '好', 'graded'],
      ['王五', '王五', 92, '好', 'graded'],
      ['赵六', '赵六', 87, '较好', 'graded'],
      ['钱七', '钱七', 90, null, 'ungraded'],
    ]);
    // The issues carry their sheet and a plain cell, as the pane selects and marks them.
    expect(outcome.analysis.results.issues.map((i) => [i.rule, i.sheet, i.cell])).toEqual([
      ['number-as-text', '李四', 'H4'],
      ['quota-exceeded', '李四', 'B24'],
      ['grade-mismatch', '赵六', 'B24'],
    ]);
    const { report: cli } = await kaoheJson('check', await writeXlsx(scoredBook()));
    expect(JSON.parse(JSON.stringify(pane))).toEqual(cli);
  });

  it('the active sheet alone is one form: the pane’s check and the ribbon command say it is a 登记表, and write nothing', async () => {
    const host = new ExcelHost();
    const outcome = analyseSheet(activeSheet(await host.readSheet()), { locale: 'zh' });
    expect(outcome).toMatchObject({ ok: false, problem: 'forms', partial: true, people: ['张三'] });
    const result = await oneClick(host, 'zh');
    expect(result.ok).toBe(false);
    expect(result.lines).toEqual([
      '这是公务员平时考核登记表（一人一表，有人员的工作表：“张三”）：名额要按整个工作簿的登记表核对，而这里只读了当前这一张，所以不逐人检查。整本登记表可用考核助手的命令行工具检查（请信息管理员协助）。',
    ]);
  });
});
