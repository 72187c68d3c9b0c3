/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * The task pane on a 组织部's county compilation (test/helpers/real-sheets.ts countyCompilation:
 * three organisations, three quarters side by side, a 注 stating 各单位 40%): each person's grade
 * per quarter, and the one quota over its limit named with its quarter and organisation.
 */
import { screen, within } from '@testing-library/react';
import { configure } from '@testing-library/dom';
import { countyCompilation } from '../helpers/real-sheets';
import { openPane } from './open-pane';
import { StubHost } from './stub-host';

configure({ defaultHidden: true });

it('shows each person’s quarters and names 县财政局’s second quarter as over', async () => {
  const user = openPane(new StubHost(countyCompilation()));
  await screen.findByText('21 人：定等次 21，不定等次 0，不参加 0');
  expect(screen.getByText('没有相符的内置方案，已按本表推断')).toBeTruthy();

  const table = screen.getByRole('table', { name: '各期等次' });
  const rows = within(table)
    .getAllByRole('row')
    .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
  expect(rows[0]).toEqual(['姓名', '第一季度', '第二季度', '第三季度']);
  expect(rows[11]).toEqual(['郑宏伟', '好', '好', '好']);
  expect(rows).toHaveLength(22);

  expect(screen.getByText(/^第二季度：县财政局“好”等次 3 人，超过名额 2 人/)).toBeTruthy();

  await user.click(screen.getByRole('tab', { name: '名额' }));
  const card = screen.getByRole('region', { name: '好 第二季度 县财政局' });
  expect(within(card).getByText('超出 1 人')).toBeTruthy();
});
