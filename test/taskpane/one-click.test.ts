import ExcelJS from 'exceljs';
import { join } from 'node:path';
import type { Grid } from '../../src/engine';
import { oneClick } from '../../src/commands/one-click';
import { worksheetToGrid } from '../../src/hosts/file/sheet';
import { HostError } from '../../src/hosts/host';
import { StubHost } from './stub-host';

let example: Grid;
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(__dirname, '..', '..', 'examples', 'gwy-2020-q1.xlsx'));
  example = worksheetToGrid(wb.worksheets[0]!);
});

describe('一键计算等次', () => {
  it('checks, writes totals and grades, and says what happened', async () => {
    const host = new StubHost(example);
    const r = await oneClick(host, 'zh');
    expect(host.applied).toHaveLength(1);
    expect(r.lines).toEqual([
      '工作表：第一季度  方案：gwy-2020',
      '按表头识别：gwy-2020，17 个分项全部对上',
      '已写入合计 9 格、等次 11 格。',
      '1 人分数有误或缺项，未写入。',
      '1 人的等次与分数段不同，可能另有依据，已保留原等次，请核实。',
      '全单位“好”等次超出名额 2 人。',
      '发现错误 6 个、警告 2 个，请打开考核助手查看并改正。',
    ]);
    // Y11 says 好 where the bands give 较好; gwy-2020 gives 好 directly for reasons a sheet may not show: kept.
    expect(host.grid.values[10]![24]).toBe('好');
    const again = await oneClick(host, 'zh');
    expect(again.lines[2]).toBe('总分和等次都已正确，没有改动。');
    // The second run finds only errors the sheet had before kaohe wrote: X14's total is put right, nothing is added.
    expect(again.lines.at(-1)).toBe('发现错误 5 个、警告 2 个，请打开考核助手查看并改正。');
  });

  it('writes the rows shown of a filtered sheet and says which rows it left', async () => {
    const all = new StubHost(example);
    await oneClick(all, 'zh');
    const rows = [...new Set(all.applied[0]!.writes.map((w) => w.row))];
    const hidden = [rows[0]!, rows[2]!];
    const host = new StubHost({ ...example, hiddenRows: hidden });
    const r = await oneClick(host, 'zh');
    expect(host.applied[0]!.writes.filter((w) => hidden.includes(w.row))).toEqual([]);
    expect(host.applied[0]!.writes).toEqual(all.applied[0]!.writes.filter((w) => !hidden.includes(w.row)));
    expect(r.lines).toContain(`第 ${hidden.join('、')} 行被隐藏或筛选掉，未写入；取消筛选或取消隐藏后再运行一键计算。`);
    // The two people on them are warned of: two warnings more than with every row shown.
    expect(r.lines.at(-1)).toBe('发现错误 6 个、警告 4 个，请打开考核助手查看并改正。');
    // Run again: nothing left to write but the hidden rows, which is not "already right".
    const again = await oneClick(host, 'zh');
    expect(again.lines).not.toContain('总分和等次都已正确，没有改动。');
    expect(again.lines).toContain(`第 ${hidden.join('、')} 行被隐藏或筛选掉，未写入；取消筛选或取消隐藏后再运行一键计算。`);
  });

  it('writes formulas when the pane chose them, with the saved scheme', async () => {
    const host = new StubHost(example);
    host.settings = { version: 1, scheme: 'five-dims', columns: {}, formulas: true };
    const r = await oneClick(host, 'en');
    expect(r.lines[0]).toBe('Sheet: 第一季度  Scheme: five-dims');
    // The saved scheme is used, and said not to fit the sheet well (the pane's user chose it).
    expect(r.lines[1]).toMatch(/^Scheme saved in the workbook: five-dims; does not quite fit this sheet: /);
    expect(host.applied[0]!.mode).toBe('formulas');
  });

  it('writes nothing on a protected sheet or one without a roster, and says why', async () => {
    const locked = new StubHost(example, true);
    expect((await oneClick(locked, 'zh')).lines).toEqual([expect.stringContaining('工作表受保护')]);
    expect(locked.applied).toEqual([]);
    const empty = new StubHost({ sheet: '说明', top: 1, left: 1, values: [['说明']], merges: [] });
    expect((await oneClick(empty, 'zh')).lines[0]).toContain('找不到花名册');
    const failing = new StubHost(example);
    failing.failNext = new HostError('partial-write');
    expect((await oneClick(failing, 'zh')).lines).toEqual([expect.stringContaining('写入中断')]);
  });
});
