/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * 年度汇总 in the task pane, on the bundled year workbook: the roll-up the CLI gives, the issues
 * with their sheets, the annual quota, then the summary forms previewed, added and deleted again.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { configure } from '@testing-library/dom';
import type { Grid } from '../../src/engine';
import { bookHost, exampleSheets, openPane } from './open-pane';
import { StubHost } from './stub-host';

configure({ defaultHidden: true });

let sheets: Grid[];
beforeAll(async () => {
  sheets = await exampleSheets('gwy-2020-year.xlsx');
});

const open = openPane;
const book = (active: string) => bookHost(sheets, active);

describe('年度汇总', () => {
  it('rolls the year up as kaohe annual does, lists the issues with their sheets, and checks the annual quota', async () => {
    const host = book('第二季度');
    const user = open(host);
    await user.click(await screen.findByRole('tab', { name: '年度汇总' }));
    await user.click(screen.getByRole('button', { name: '汇总全年' }));
    await screen.findByText(/已汇总：第一季度、第二季度、第三季度、第四季度$/);
    expect(screen.getByText('年度表：年度考核')).toBeTruthy();
    expect(screen.getByText('12 人；错误 2 个，警告 3 个')).toBeTruthy();

    const best = [...document.querySelectorAll('tr[data-person]')].map((tr) => [
      tr.getAttribute('data-person'),
      tr.querySelector('[data-best]')!.textContent,
    ]);
    expect(best).toEqual([
      ['王建国', '优秀'],
      ['李明', '优秀'],
      ['张丽', '称职'],
      ['刘洋', '称职'],
      ['陈静', '基本称职'],
      ['赵磊', '基本称职'],
      ['孙晓', '不称职'],
      ['徐涛', '优秀'],
      ['郭亮', '称职'],
      ['黄丽', '称职'],
      ['胡斌', '另行确定'],
      ['周杰', '称职'],
    ]);
    expect(
      within(document.querySelector('tr[data-person="赵磊"]') as HTMLElement).getByText(/连续 2 个季度以上较差等次，应进行诫勉/),
    ).toBeTruthy();

    const issues = [...document.querySelectorAll('button[data-rule]')].map(
      (b) => `${b.getAttribute('data-rule')} ${b.querySelector('[data-at]')!.textContent}`,
    );
    expect(issues).toEqual([
      'annual-grade-not-allowed 年度考核!D5',
      'annual-grade-not-allowed 年度考核!D8',
      'annual-missing-period 第一季度!B11',
      'annual-missing-period 第三季度!B11',
      'quota-exceeded 年度考核!D5',
      'annual-ungraded-period 第一季度!B10',
    ]);
    expect(document.querySelector('[data-quota="warning"]')!.textContent).toBe('全单位“优秀”3 人，名额 2 人 · 超出 1 人');

    // An issue selects its cell in its own sheet.
    await user.click(screen.getByText(/赵磊拟定的年度等次为称职/));
    await waitFor(() => expect(host.selected).toEqual(['D8']));
  });

  it('previews the summary forms, adds them as new sheets, and deletes them again', async () => {
    const host = book('第一季度');
    const user = open(host);
    await user.click(await screen.findByRole('tab', { name: '年度汇总' }));
    await user.click(screen.getByRole('button', { name: '汇总全年' }));
    await user.click(await screen.findByRole('button', { name: '预览汇总表' }));
    const preview = screen.getByRole('region', { name: '预览汇总表' });
    expect([...preview.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      // title, subtitle, header, 4 quarters, a gap, 2 notes, a gap, the distribution's title, header and 4 grades
      '平时考核结果汇总表：17 行 · 附各季度等次分布图',
      // title, subtitle, header, 12 people, a gap, 3 notes (说明, the quota, 填表人)
      '年度考核登记汇总表：19 行',
    ]);
    expect(host.added.size).toBe(0);

    await user.click(within(preview).getByRole('button', { name: '生成汇总表' }));
    await screen.findByText('已新增工作表：平时考核结果汇总表、年度考核登记汇总表。可点“删除生成的汇总表”撤销。');
    expect([...host.added.keys()]).toEqual(['平时考核结果汇总表', '年度考核登记汇总表']);
    const annual = host.added.get('年度考核登记汇总表')!;
    expect(annual.values[2]!.slice(0, 4)).toEqual(['序号', '姓名', '单位', '第一季度等次']);
    expect(annual.values[3]!.slice(0, 8)).toEqual([1, '王建国', '办公室', '好', '好', '好', '好', '优秀']);

    await user.click(screen.getByRole('button', { name: '删除生成的汇总表' }));
    await screen.findByText('已删除生成的 2 个汇总表，工作簿恢复原样');
    expect(host.added.size).toBe(0);
    expect(screen.queryByRole('button', { name: '删除生成的汇总表' })).toBeNull();
  });

  it('is there when the active sheet holds no roster, and says when the workbook has no quarterly sheets', async () => {
    const empty: Grid = { sheet: '说明', top: 1, left: 1, values: [['本工作簿为 2026 年平时考核']], merges: [] };
    const host = new StubHost(empty);
    host.others = sheets;
    const user = open(host);
    await screen.findByText(/工作表“说明”中找不到花名册/);
    expect(screen.getAllByRole('tab')).toHaveLength(1);
    expect(screen.getByRole('tab', { name: '年度汇总' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '汇总全年' }));
    await screen.findByText('12 人；错误 2 个，警告 3 个');

    cleanup();
    const alone = new StubHost({ ...sheets[0]!, sheet: '考核表' });
    const user2 = open(alone, 'en');
    await user2.click(await screen.findByRole('tab', { name: 'Year' }));
    await user2.click(screen.getByRole('button', { name: 'Roll up the year' }));
    await screen.findByText('No quarterly or monthly sheets found: their names need to say 第一季度, 一季度, Q1, 1月, 一月 or the like.');
  });
});
