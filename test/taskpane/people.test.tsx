/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * The pane speaks of people (issue 17): each issue and each line of the write preview names its
 * person (name, unit) first and the cell second, found by row and, on a roster printed as blocks
 * side by side, by block; the 人员 view lists everyone with total, grade and status, filtered by
 * name and status, a click selecting the row; issues without a cell are plain rows, not disabled
 * buttons; rule ids only in a tooltip; organisations counted as units; import errors in words.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { configure } from '@testing-library/dom';
import type { Grid } from '../../src/engine';
import { scoredBlocks } from '../helpers/layout-sheets';
import { countyCompilation } from '../helpers/real-sheets';
import { bookHost, exampleSheets, openPane } from './open-pane';
import { StubHost } from './stub-host';

configure({ defaultHidden: true });

let example: Grid;
beforeAll(async () => {
  example = (await exampleSheets('gwy-2020-q1.xlsx'))[0]!;
});

const ready = () => screen.findByText('16 人：定等次 12，不定等次 2，不参加 2');
/** The people listed in the 人员 view, each as its text. */
const listed = () => [...document.querySelectorAll('button[data-person][data-status]')].map((b) => b.textContent);

describe('issues name their person first', () => {
  it('puts the name and unit before the cell, leaves a quota’s issue to its cell, and keeps rule ids in the tooltip', async () => {
    openPane(new StubHost(example));
    await ready();
    const e10 = document.querySelector('button[data-cell="E10"]')!;
    expect([e10.getAttribute('data-person'), e10.textContent]).toEqual([
      '杨帆',
      '杨帆国库股E10思想政治素质 6.5 超过满分 6请改为 0–6 分之间的分数',
    ]);
    expect(document.querySelector('button[data-cell="X14"]')!.getAttribute('data-person')).toBe('周杰');
    // The quota's issue points at the first person beyond the limit, who is not what it is about: no person.
    const quota = document.querySelector('button[data-cell="Y8"]')!;
    expect([quota.getAttribute('data-person'), quota.textContent!.startsWith('Y8全单位“好”等次 6 人')]).toEqual([null, true]);
    // Rule names in words; the id only in the heading's tooltip.
    const heading = document.querySelector('[data-rule-id="quota-exceeded"]')!;
    expect([heading.textContent, heading.getAttribute('title')]).toEqual(['超出名额', '规则编号：quota-exceeded']);
    expect(document.body.textContent).not.toContain('quota-exceeded');
    expect(document.body.textContent).not.toContain('out-of-range');
  });

  it('shows an issue without a cell as a plain row in full contrast, never a disabled button', async () => {
    const grid: Grid = { ...example, values: example.values.map((r) => [...r]) };
    grid.values[3]![15] = '其他'; // P4: 工作负荷 is no longer found
    openPane(new StubHost(grid));
    await screen.findByText('表中找不到“工作负荷”列', { exact: false });
    const row = document.querySelector('[data-nocell][data-rule="missing-column"]')!;
    expect(row.tagName).toBe('DIV');
    expect(row.closest('button')).toBeNull();
    expect(row.textContent).toContain('表中找不到“工作负荷”列');
    expect(document.querySelectorAll('button[disabled][data-rule], button[aria-disabled="true"][data-rule]')).toHaveLength(0);
  });

  it('finds the person by block on a roster printed as two blocks side by side', async () => {
    const host = new StubHost(scoredBlocks());
    const user = openPane(host);
    await screen.findByText('12 人：定等次 12，不定等次 0，不参加 0');
    // Row 6 holds 张卫东 (left, A–I) and 郑光明 (right, K–S): R6 and S6 are 郑光明’s.
    expect(document.querySelector('button[data-cell="R6"]')!.getAttribute('data-person')).toBe('郑光明');
    expect(document.querySelector('button[data-cell="S6"]')!.getAttribute('data-person')).toBe('郑光明');
    await user.click(screen.getByRole('tab', { name: '人员' }));
    await user.click(screen.getByRole('button', { name: /^郑光明/ }));
    await user.click(screen.getByRole('button', { name: /^张卫东/ }));
    expect(host.selected).toEqual(['L6', 'B6']);
    await user.click(screen.getByRole('tab', { name: '计算' }));
    await user.click(screen.getByRole('button', { name: '预览写入内容' }));
    expect(document.querySelector('li[data-cell="R6"]')!.textContent).toBe('郑光明：总分 91 → 88 R6');
  });
});

describe('the 人员 view', () => {
  it('lists everyone with total, grade and status, and why there is no grade', async () => {
    const host = new StubHost(example);
    const user = openPane(host);
    await ready();
    await user.click(screen.getByRole('tab', { name: '人员' }));
    expect(screen.getByTestId('people-shown').textContent).toBe('共 16 人');
    const people = listed();
    expect(people).toHaveLength(16);
    expect(people[0]).toBe('王建国办公室95 好');
    expect(people[5]).toBe('杨帆国库股95.5 好1 个问题');
    expect(people[10]).toBe('徐涛国库股86 不定等次（试用期）试用期内只写评语，不确定等次');
    expect(people[13]).toBe('胡斌综合股83 在外考核（派驻）派驻、挂职、借调等，由接收单位考核，单独列出');
    expect(people[15]).toBe('郭亮国库股不参加（调出）已调出、辞职、辞退、开除、退休或死亡，不参加本期平时考核');
    // 朱琳's scores are wrong: no total, no grade.
    expect(people[14]).toBe('朱琳预算股未定2 个问题');
  });

  it('filters by name and by status, and selects the person’s row when clicked', async () => {
    const host = new StubHost(example);
    const user = openPane(host);
    await ready();
    await user.click(screen.getByRole('tab', { name: '人员' }));
    const status = screen.getByRole('combobox', { name: '状态' });
    expect([...status.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      '全部（16）',
      '定等次（12）',
      '不定等次（2）',
      '不参加（1）',
      '在外考核（1）',
      '有问题（5）',
    ]);
    await user.selectOptions(status, 'ungraded');
    expect(listed().map((t) => t!.slice(0, 2))).toEqual(['徐涛', '孙晓']);
    expect(screen.getByTestId('people-shown').textContent).toBe('显示 2 人，共 16 人');
    await user.selectOptions(status, 'issues');
    expect(listed().map((t) => t!.slice(0, 2))).toEqual(['杨帆', '赵磊', '黄丽', '周杰', '朱琳']);
    await user.selectOptions(status, 'all');
    await user.type(screen.getByRole('searchbox', { name: '按姓名查找' }), '杨');
    expect(listed()).toEqual(['杨帆国库股95.5 好1 个问题']);
    await user.click(screen.getByRole('button', { name: /^杨帆/ }));
    await waitFor(() => expect(host.selected).toEqual(['B10']));
    await user.clear(screen.getByRole('searchbox', { name: '按姓名查找' }));
    await user.type(screen.getByRole('searchbox', { name: '按姓名查找' }), '欧阳');
    expect(screen.getByText('没有符合条件的人员')).toBeTruthy();
  });

  it('speaks English when Office does', async () => {
    const user = openPane(new StubHost(example), 'en');
    await screen.findByText('16 people: 12 graded, 2 without a grade, 2 not appraised here');
    await user.click(screen.getByRole('tab', { name: 'People' }));
    expect(screen.getByTestId('people-shown').textContent).toBe('16 people');
    expect(listed()[10]).toBe('徐涛国库股86 No grade (试用期)On probation: comment only, no grade');
    expect(screen.getByRole('combobox', { name: 'Status' }).querySelector('option')!.textContent).toBe('Everyone (16)');
  });

  it('shows each period’s grade on a sheet of several periods', async () => {
    const user = openPane(new StubHost(countyCompilation()));
    await screen.findByText('21 人：定等次 21，不定等次 0，不参加 0');
    await user.click(screen.getByRole('tab', { name: '人员' }));
    const zheng = screen.getByRole('button', { name: /^郑宏伟/ });
    expect(zheng.querySelector('[data-periods]')!.textContent).toBe('各期：第一季度 好 · 第二季度 好 · 第三季度 好');
  });

  it('counts organisations as units, and writes no “等次 0 格”', async () => {
    const sheets = await exampleSheets('qu-zuzhi-2014-months.xlsx');
    const host = bookHost(sheets, '3月');
    const user = openPane(host);
    await screen.findByText('8 个单位：计分 8，不参加考核 0');
    await user.click(screen.getByRole('tab', { name: '单位' }));
    expect(screen.getByTestId('people-shown').textContent).toBe('共 8 个单位');
    expect(screen.getByRole('searchbox', { name: '按单位名称查找' })).toBeTruthy();
    await user.click(screen.getByRole('tab', { name: '计算' }));
    await user.click(screen.getByRole('button', { name: '预览写入内容' }));
    expect(screen.getByTestId('preview-counts').textContent).toBe('将写入 8 个单位：总分 8 个、排名 8 个');
    expect(document.body.textContent).not.toMatch(/等次 0/);
  });
});

describe('plain words', () => {
  it('names schemes before their ids in the list and the sentence', async () => {
    openPane(new StubHost(example));
    await ready();
    expect(screen.getByText('按表头识别：公务员平时考核（全国模板：好/较好/一般/较差） · gwy-2020，17 个分项全部对上')).toBeTruthy();
    const options = [...screen.getByRole('combobox', { name: '考核方案' }).querySelectorAll('option')].map((o) => o.textContent);
    expect(options).toContain('公务员平时考核（全国模板：好/较好/一般/较差） · gwy-2020');
    expect(options.every((o) => !/^[a-z0-9-]+ /.test(o!))).toBe(true);
  });

  it('says in words why a file cannot be imported as a scheme', async () => {
    openPane(new StubHost(example));
    await ready();
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    const file = new File(['{ "id": "x", '], '坏的.json', { type: 'application/json' });
    // jsdom's File has no text(): the bytes as the browser would give them.
    Object.defineProperty(file, 'text', { value: async () => '{ "id": "x", ' });
    fireEvent.change(input, { target: { files: [file] } });
    const alert = await screen.findByText(/^无法导入这个方案文件：/);
    expect(alert.textContent).toBe(
      '无法导入这个方案文件：方案文件不是有效的 JSON（第 1 行附近）。请选择考核助手导出或按说明编写的方案文件（.json）。',
    );
    expect(within(document.body).queryByText(/Unexpected|JSON\.parse|position/)).toBeNull();
  });
});
