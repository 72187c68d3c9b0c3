/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * The WPS ribbon's functions (src/wps/main.ts, what ribbon.xml calls) on the simulated WPS: 打开任务窗格 makes the
 * pane once and shows it again; 一键计算 writes totals and grades into the active sheet and says so in a message box.
 */
import { PreviewWorkbook } from '../../src/preview/model';
import { simulateWps } from '../../src/preview/wps-sim';
import { gwySheet } from '../helpers/sheets';

type Ribbon = { OnAction: (c: { Id: string }) => boolean; GetLabel: (c: { Id: string }) => string; OnAddinLoad: () => boolean };

describe('the WPS ribbon', () => {
  it('opens the pane, computes the active sheet, and labels its buttons in Chinese', async () => {
    const book = PreviewWorkbook.fromGrids([
      gwySheet(
        [
          { name: '张三', base: 88 },
          { name: '李四', base: 95 },
        ],
        { summaryRow: false },
      ).grid,
    ]);
    const sim = simulateWps(book);
    const alerts: string[] = [];
    Object.defineProperty(navigator, 'language', { value: 'zh-CN', configurable: true });
    Object.assign(window, { Application: sim.Application, alert: (text: string) => alerts.push(text) });
    jest.isolateModules(() => require('../../src/wps/main'));
    const ribbon = window as unknown as Ribbon;
    expect(ribbon.OnAddinLoad()).toBe(true);
    expect(['kaoheTab', 'kaoheOpenPane', 'kaoheCompute'].map((Id) => ribbon.GetLabel({ Id }))).toEqual([
      '考核助手',
      '打开任务窗格',
      '一键计算',
    ]);

    ribbon.OnAction({ Id: 'kaoheOpenPane' });
    sim.panes[0]!.visible = false;
    ribbon.OnAction({ Id: 'kaoheOpenPane' });
    expect(sim.panes).toEqual([{ url: expect.stringMatching(/\/taskpane\.html$/), visible: true }]);

    ribbon.OnAction({ Id: 'kaoheCompute' });
    for (let i = 0; i < 50 && alerts.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    const s = book.sheet('第一季度')!;
    expect([5, 6].map((r) => [book.cell(s, r, 23)?.value, book.cell(s, r, 24)?.value])).toEqual([
      [88, '较好'],
      [95, '好'],
    ]);
    expect(alerts[0]).toMatch(/^考核助手 · 一键计算等次\n\n工作表：第一季度 {2}方案：gwy-2020\n/);
    expect(alerts[0]).toContain('已写入合计 2 格、等次 2 格');
  });
});
