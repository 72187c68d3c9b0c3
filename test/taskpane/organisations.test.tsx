/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * The task pane on organisations (qu-zuzhi-2014), on the bundled month workbook: 排名 lists
 * the units ranked within 街道 and 区直单位 with the vetoed marked, 计算 writes the places,
 * and 年度汇总 rolls the months up into each month's place and the 约谈 / 书面报告 alerts.
 */
import { screen, within } from '@testing-library/react';
import { configure } from '@testing-library/dom';
import type { Grid } from '../../src/engine';
import { bookHost, exampleSheets, openPane } from './open-pane';

configure({ defaultHidden: true });

let sheets: Grid[];
beforeAll(async () => {
  sheets = await exampleSheets('qu-zuzhi-2014-months.xlsx');
});

const book = (active: string) => bookHost(sheets, active);

it('ranks the units within each category, marks the veto, selects a unit, and writes the places', async () => {
  const host = book('3月');
  const user = openPane(host);
  await screen.findByText('按表头识别：区组织工作考核（街道党工委、区直机关党组织） · qu-zuzhi-2014，3 个分数和等次列全部对上');
  expect(screen.queryByRole('tab', { name: '名额' })).toBeNull();
  await user.click(screen.getByRole('tab', { name: '排名' }));
  const streets = screen.getByRole('region', { name: '街道' });
  expect(within(streets).getByText('街道（5 个单位）')).toBeTruthy();
  const places = (region: HTMLElement) =>
    [...region.querySelectorAll('li')].map((li) => `${li.getAttribute('data-place')} ${li.textContent}`);
  expect(places(streets)).toEqual(['1 东城街道 92', '2 北山街道 85否决：不得评先进', '3 西城街道 80', '4 中山街道 75', '5 南湖街道 70']);
  expect(places(screen.getByRole('region', { name: '区直单位' }))).toEqual(['1 区财政局党组 90', '2 区教育局党委 89', '3 区卫健委党组 70']);
  await user.click(within(streets).getByRole('button', { name: '北山街道' }));
  expect(host.selected).toEqual(['B6']);

  await user.click(screen.getByRole('tab', { name: '计算' }));
  await user.click(screen.getByRole('button', { name: '预览写入内容' }));
  expect(screen.getByTestId('preview-counts').textContent).toBe('将写入 8 个单位：总分 8 个、排名 8 个');
  await user.click(await screen.findByRole('button', { name: '写入表格' }));
  const written = host.applied[0]!.writes.filter((w) => w.kind === 'rank').map((w) => [w.cell, w.after.value]);
  expect(written).toEqual([
    ['G3', 1],
    ['G4', 3],
    ['G5', 5],
    ['G6', 2],
    ['G7', 4],
    ['G8', 1],
    ['G9', 2],
    ['G10', 3],
  ]);
});

it('rolls the months up: each month’s score and place, and the alerts for units ranked last', async () => {
  const host = book('1月');
  const user = openPane(host);
  await user.click(await screen.findByRole('tab', { name: '年度汇总' }));
  await user.click(screen.getByRole('button', { name: '汇总全年' }));
  await screen.findByText(/已汇总：1月、2月、3月、4月$/);
  const row = (name: string) => document.querySelector(`tr[data-person="${name}"]`)!;
  expect(row('北山街道').textContent).toContain('1月 75（第5名）2月 72（第4名）3月 85（第2名）4月 70（第5名）');
  expect(row('北山街道').textContent).toContain('约谈');
  expect(row('北山街道').textContent).toContain('书面报告');
  expect(row('中山街道').textContent).toContain('约谈');
  expect(row('中山街道').textContent).not.toContain('书面报告');
  expect(row('南湖街道').textContent).not.toContain('约谈');
  // Scores only: no summary forms of grades to add.
  expect(screen.queryByRole('button', { name: '预览汇总表' })).toBeNull();
});
