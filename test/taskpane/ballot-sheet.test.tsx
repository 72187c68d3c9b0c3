/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * The task pane on a ballot sheet (keji-banzi): it recognises the sheet, lists the
 * ballot-mismatch with its cell, and writes 好评率 after a preview (never a grade).
 */
import { screen } from '@testing-library/react';
import { configure } from '@testing-library/dom';
import { gridOf } from '../helpers/sheets';
import { openPane } from './open-pane';
import { StubHost } from './stub-host';

configure({ defaultHidden: true });

const open = openPane;

it('checks a ballot sheet and writes each person’s 好评率 after a preview', async () => {
  const host = new StubHost(
    gridOf(
      [
        ['姓名', '职务', '参加测评人数', '总体评价', null, null, null],
        [null, null, null, '优秀', '良好', '一般', '较差'],
        ['王建国', '局长', 30, 20, 8, 2, 0],
        ['李明', '副局长', 30, 15, 10, 4, 0],
      ],
      ['A1:A2', 'B1:B2', 'C1:C2', 'D1:G1'],
      '民主测评',
    ),
  );
  const user = open(host);
  await screen.findByText('按表头识别：科级领导班子和领导干部民主测评（票数统计） · keji-banzi，5 个分项全部对上');
  expect(
    [...document.querySelectorAll('button[data-rule]')].map((b) => `${b.getAttribute('data-cell')} ${b.getAttribute('data-rule')}`),
  ).toEqual(['D4 ballot-mismatch']);
  await user.click(screen.getByRole('tab', { name: '计算' }));
  await user.click(screen.getByRole('button', { name: '预览写入内容' }));
  await user.click(await screen.findByRole('button', { name: '写入表格' }));
  await screen.findByText(/已写入 3 格/);
  // A new 好评率 column (H), its header and two values; no 等次 column.
  expect(host.applied[0]!.writes.map((w) => [w.cell, w.after.value])).toEqual([
    ['H1', '好评率'],
    ['H3', 0.9333],
    ['H4', 0.8333],
  ]);
});
