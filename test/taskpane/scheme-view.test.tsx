/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * The 方案 view (#18) on the bundled example (gwy-2020-q1.xlsx: 6 of 12 graded people 好, limit 4):
 * the scheme in words, a change to the 好 quota and to a band tried on the sheet before it is kept,
 * a gap between bands refused beside the field, and a saved copy used by the next check.
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { configure } from '@testing-library/dom';
import type { FormLayout, Grid } from '../../src/engine';
import { villageCommittee } from '../helpers/real-sheets';
import { exampleSheets, openPane } from './open-pane';
import { StubHost } from './stub-host';

configure({ defaultHidden: true });

let example: Grid;
beforeAll(async () => {
  example = (await exampleSheets('gwy-2020-q1.xlsx'))[0]!;
});

const ready = () => screen.findByText('16 人：定等次 12，不定等次 2，不参加 2');
/** One change event with the whole value, as a paste would give: typing key by key re-checks the sheet at each key. */
const enter = (input: HTMLInputElement, value: string) => act(() => void fireEvent.change(input, { target: { value } }));
const field = (section: string, label: string, n = 0) =>
  within(screen.getByRole('region', { name: section })).getAllByRole('textbox', { name: label })[n] as HTMLInputElement;

describe('the 方案 view', () => {
  it('says the scheme in use in words, from the scheme bar', async () => {
    const user = openPane(new StubHost(example));
    await ready();
    await user.click(screen.getByRole('button', { name: '方案内容与修改' }));
    await screen.findByRole('heading', { name: '方案内容' });
    expect(screen.getByText('较好：75 分及以上、低于 90 分（89.5 分为较好）')).toBeTruthy();
    expect(screen.getByText('好不超过 40%，按全单位计算，人数向下取整')).toBeTruthy();
  });

  it('tries 好 ≤ 30% and a band moved on the sheet, then saves the copy and the pane checks with it', async () => {
    const host = new StubHost(example);
    const user = openPane(host);
    await ready();
    await user.click(screen.getByRole('button', { name: '方案内容与修改' }));
    await user.click(await screen.findByRole('button', { name: '修改方案' }));

    const share = field('等次名额', '比例上限（%）');
    expect(share.value).toBe('40');
    await enter(share, '30');
    const tried = screen.getByRole('region', { name: '本表试用结果' });
    await within(tried).findByText('好：6 人，上限 4 人（40%） → 3 人（30%）');

    // 好 from 91: 陈静 (90) becomes 较好 — a gap until 较好 reaches 91 too, refused beside the bands.
    const from = field('等次分数段', '好的下限');
    await enter(from, '91');
    await screen.findByText('总分不低于 90 分且低于 91 分时没有对应的等次');
    expect(screen.getByRole('button', { name: '保存到工作簿' }).hasAttribute('disabled')).toBe(true);
    const to = field('等次分数段', '较好的上限');
    await enter(to, '91');
    await within(tried).findByText(/陈静（.*）：等次 好 → 较好/);
    expect(screen.queryByText('总分不低于 90 分且低于 91 分时没有对应的等次')).toBeNull();

    const name = screen.getByRole('textbox', { name: '保存为（方案名称）' });
    await enter(name as HTMLInputElement, '本局平时考核方案');
    await user.click(screen.getByRole('button', { name: '保存到工作簿' }));
    await screen.findByText('方案“本局平时考核方案”已保存到工作簿，本工作簿今后按它检查');
    const stored = host.settings?.scheme as { id: string; basedOn: string; quotas: { max: number }[] };
    expect([stored.id, stored.basedOn, stored.quotas[0]!.max]).toEqual(['gwy-2020-custom', 'gwy-2020', 0.3]);

    // The next check uses the stored copy; the view marks what it changed from the preset.
    await act(async () => {
      await user.click(screen.getByRole('button', { name: '重新检查' }));
    });
    await waitFor(() =>
      expect(screen.getAllByRole('status').map((x) => x.textContent)).toContain(
        '按工作簿中保存的方案：本局平时考核方案 · gwy-2020-custom（基于 公务员平时考核（全国模板：好/较好/一般/较差） 修改）；17 个分项全部对上',
      ),
    );
    expect(screen.getByText('基于 gwy-2020 修改')).toBeTruthy();
    expect(screen.getByText('好不超过 30%，按全单位计算，人数向下取整').textContent).toContain('本单位修改');
  }, 120000);
});

describe('a quota in the 方案 view', () => {
  it('turns a share into a number of places (优秀名额 3 名 style) and the limit tried follows', async () => {
    const user = openPane(new StubHost(example));
    await ready();
    await user.click(screen.getByRole('button', { name: '方案内容与修改' }));
    await user.click(await screen.findByRole('button', { name: '修改方案' }));
    const quotas = screen.getByRole('region', { name: '等次名额' });
    await user.selectOptions(within(quotas).getByRole('combobox', { name: '限定方式' }), '按人数，不超过');
    // From a share to places the number means something else: it is left empty for the user, and said to be missing.
    expect(field('等次名额', '最多（人）').value).toBe('');
    await enter(field('等次名额', '最多（人）'), '2');
    await within(screen.getByRole('region', { name: '本表试用结果' })).findByText('好：6 人，上限 4 人（40%） → 2 人');
  }, 120000);
});

describe('the 方案 view on a sheet no preset fits', () => {
  it('adds bands to the inferred scheme of a 村两委 sheet: refused while they overlap, then tried and saved', async () => {
    const host = new StubHost(villageCommittee());
    const user = openPane(host);
    await screen.findByText(/^15 人：/);
    await user.click(screen.getByRole('button', { name: '方案内容与修改' }));
    await user.click(await screen.findByRole('button', { name: '修改方案' }));
    const bands = screen.getByRole('region', { name: '等次分数段' });
    within(bands).getByText('本方案不按分数定等次：表中填写的等次（优秀、称职、基本称职、不称职）照原样检查。');
    await user.click(within(bands).getByRole('button', { name: '改为按总分的分数段定等次' }));
    // Four bands without bounds: each covers every score, so they overlap and nothing can be saved.
    await waitFor(() => within(screen.getByRole('region', { name: '等次分数段' })).getByText(/同时属于优秀、称职、基本称职、不称职/));
    expect(screen.getByRole('button', { name: '保存到工作簿' }).hasAttribute('disabled')).toBe(true);

    await enter(field('等次分数段', '优秀的下限'), '90');
    await enter(field('等次分数段', '称职的下限'), '75');
    await enter(field('等次分数段', '称职的上限'), '90');
    await enter(field('等次分数段', '基本称职的下限'), '60');
    await enter(field('等次分数段', '基本称职的上限'), '75');
    await enter(field('等次分数段', '不称职的上限'), '60');
    await waitFor(() => expect(within(screen.getByRole('region', { name: '等次分数段' })).queryAllByRole('alert')).toEqual([]));
    // The township's grades are what the bands give: no one's grade changes.
    await within(screen.getByRole('region', { name: '本表试用结果' })).findByText(
      /^(本表的总分、等次和名额都没有变化。|错误 \d+ → \d+ 个，警告 \d+ → \d+ 个)$/,
    );
    await user.click(screen.getByRole('button', { name: '保存到工作簿' }));
    await screen.findByText(/已保存到工作簿，本工作簿今后按它检查$/);
    const stored = host.settings?.scheme as { grading: { mode: string; bands: { grade: string; min?: number }[] } };
    expect(stored.grading.mode).toBe('bands');
    expect(stored.grading.bands.map((b) => [b.grade, b.min])).toEqual([
      ['优秀', 90],
      ['称职', 75],
      ['基本称职', 60],
      ['不称职', undefined],
    ]);
  }, 120000);
});

describe('the 方案说明表 from the 方案 view', () => {
  const asGrid = (name: string, f: FormLayout): Grid => ({ sheet: name, top: 1, left: 1, values: f.values, merges: f.merges });

  it('adds the sheet and deletes it again; another workbook with a copy of it reads the scheme back and tries it', async () => {
    const host = new StubHost(example);
    const user = openPane(host);
    await ready();
    await user.click(screen.getByRole('button', { name: '方案内容与修改' }));
    await user.click(await screen.findByRole('button', { name: '生成方案说明表' }));
    await screen.findByText('已新增工作表“方案说明表”：逐项写明本方案，供考核小组审阅签字；可打印。');
    const form = host.added.get('方案说明表')!;
    expect(form.values.map((r) => r[1])).toContain('好不超过 40%，按全单位计算，人数向下取整');

    // The sheet copied into another workbook (its words edited by hand on one line): read back from its data.
    const copy = asGrid('方案说明表', {
      ...form,
      values: form.values.map((r) => r.map((v) => (v === '好不超过 40%，按全单位计算，人数向下取整' ? '好不超过 50%' : v))),
    });
    await user.click(screen.getByRole('button', { name: '删除方案说明表' }));
    await screen.findByText('方案说明表已删除');
    expect(host.added.size).toBe(0);

    const other = new StubHost(example);
    other.others = [copy];
    cleanup();
    const user2 = openPane(other);
    await ready();
    await user2.click(screen.getByRole('button', { name: '方案内容与修改' }));
    await user2.click(await screen.findByRole('button', { name: '从方案说明表读取' }));
    await screen.findByText(
      /^已从“方案说明表”读取方案 公务员平时考核.*表中有 1 处文字与方案数据不一致，可能被手工改过，未采用：好不超过 50%$/,
    );
    await screen.findByText(/^正在本表试用 /);
  }, 120000);

  it('says so when the workbook has no 方案说明表', async () => {
    const user = openPane(new StubHost(example));
    await ready();
    await user.click(screen.getByRole('button', { name: '方案内容与修改' }));
    await user.click(await screen.findByRole('button', { name: '从方案说明表读取' }));
    await screen.findByText(/^本工作簿中没有考核助手生成的方案说明表/);
  });
});

describe('the rules in the 方案 view', () => {
  const select = (section: string, label: string) =>
    within(screen.getByRole('region', { name: section })).getByRole('combobox', { name: label }) as HTMLSelectElement;

  it('makes a bound exclusive, says the band in words beside it, and adds a direct grade by a remark', async () => {
    const user = openPane(new StubHost(example));
    await ready();
    await user.click(screen.getByRole('button', { name: '方案内容与修改' }));
    await user.click(await screen.findByRole('button', { name: '修改方案' }));
    const bands = () => screen.getByRole('region', { name: '等次分数段' });
    within(bands()).getByText('好：90 分及以上');

    // 好 over 90, not 90 itself: 90 has no grade until 较好 takes it.
    await user.selectOptions(select('等次分数段', '好的下限是否包含本数'), '高于');
    await within(bands()).findByText('好：高于 90 分');
    await within(bands()).findByText(/^总分.*90 分.*没有对应的等次$/);
    expect(screen.getByRole('button', { name: '保存到工作簿' }).hasAttribute('disabled')).toBe(true);
    await user.selectOptions(select('等次分数段', '较好的上限是否包含本数'), '及以下');
    await within(bands()).findByText('较好：75 分及以上、90 分及以下');
    const tried = screen.getByRole('region', { name: '本表试用结果' });
    await within(tried).findByText(/^陈静（.+）：等次 好 → 较好$/);

    // 通报批评 in a remark: graded 一般 directly, whatever the score (马超's remark says he was; his 56.5 alone gives 较差).
    const direct = () => screen.getByRole('region', { name: '直接定等次与否决' });
    await user.click(within(direct()).getByRole('button', { name: '添加直接定等次的情形' }));
    const added = within(direct()).getByRole('group', { name: '新情形' });
    within(added).getByText('请写出至少一个关键词');
    expect(screen.getByRole('button', { name: '保存到工作簿' }).hasAttribute('disabled')).toBe(true);
    await enter(within(added).getByRole('textbox', { name: '原因（报告中照此说明）' }) as HTMLInputElement, '被通报批评的，直接定为一般');
    const group = within(direct()).getByRole('group', { name: '被通报批评的，直接定为一般' });
    await enter(within(group).getByRole('textbox', { name: '备注中出现这些词时适用（用“、”分隔）' }) as HTMLInputElement, '通报批评');
    await user.selectOptions(within(group).getByRole('combobox', { name: '等次' }), '一般');
    await within(group).findByText('按此执行：直接定为一般：被通报批评的，直接定为一般（备注中出现：通报批评）');
    await within(tried).findByText('马超（办公室）：等次 较差 → 一般');
    expect(screen.getByRole('button', { name: '保存到工作簿' }).hasAttribute('disabled')).toBe(false);
  }, 120000);

  it('counts 廉 at weights: a weight field per item, the maxima said not to fit, the totals tried', async () => {
    const user = openPane(new StubHost(example));
    await ready();
    await user.click(screen.getByRole('button', { name: '方案内容与修改' }));
    await user.click(await screen.findByRole('button', { name: '修改方案' }));
    const items = () => screen.getByRole('region', { name: '考核内容与分值' });
    expect(within(items()).queryByRole('textbox', { name: '遵章守纪情况 权重' })).toBeNull();
    await user.selectOptions(within(items()).getByRole('combobox', { name: '廉：各分项' }), '按权重折算');
    const weights = ['遵章守纪情况', '艰苦奋斗勤俭节约情况', '日常信访举报情况'].map(
      (l) => (within(items()).getByRole('textbox', { name: `${l} 权重` }) as HTMLInputElement).value,
    );
    expect(weights).toEqual(['0.33', '0.33', '0.34']);
    // 4, 3 and 3 points at a third each make 3.33, not 廉's 10: said under the items, and every total tried falls.
    await within(items()).findByText(/廉/, { selector: '[role="alert"]' });
    const tried = screen.getByRole('region', { name: '本表试用结果' });
    await within(tried).findAllByText(/总分/);
  }, 120000);

  it('adds a rule of points per case: its fields, the points column asked for a range, what is applied said beside it', async () => {
    const user = openPane(new StubHost(example));
    await ready();
    await user.click(screen.getByRole('button', { name: '方案内容与修改' }));
    await user.click(await screen.findByRole('button', { name: '修改方案' }));
    const cases = () => screen.getByRole('region', { name: '按次扣分、加分' });
    within(cases()).getByText('本方案没有按次扣分或加分的项目。');
    await user.click(within(cases()).getByRole('button', { name: '添加按次扣分项' }));
    const rule = within(cases()).getByRole('group', { name: '新扣分项1' });
    await within(rule).findByText('按此执行：新扣分项1：每次扣 1 分');
    await enter(within(rule).getByRole('textbox', { name: '表中记次数的列名' }) as HTMLInputElement, '迟到早退次数');
    const named = within(cases()).getByRole('group', { name: '迟到早退次数' });
    await enter(within(named).getByRole('textbox', { name: /^分值/ }) as HTMLInputElement, '1-3');
    await within(named).findByText(/表中要有一列写明实际扣了几分/);
    expect(screen.getByRole('button', { name: '保存到工作簿' }).hasAttribute('disabled')).toBe(true);
    await enter(within(named).getByRole('textbox', { name: '表中写实际扣（加）分的列名' }) as HTMLInputElement, '迟到早退扣分');
    await within(named).findByText('按此执行：迟到早退次数：每次扣 1–3 分');
  }, 120000);

  it('says the rules in English when the pane is English', async () => {
    const user = openPane(new StubHost(example), 'en');
    await screen.findByText(/^16 people: 12 graded/);
    await user.click(screen.getByRole('button', { name: 'The scheme, and changing it' }));
    await user.click(await screen.findByRole('button', { name: 'Change the scheme' }));
    await user.selectOptions(select('Grade bands', "Whether 好's lower bound is included"), 'over');
    await within(screen.getByRole('region', { name: 'Grade bands' })).findByText('好: over 90');
    const year = screen.getByRole('region', { name: 'The year' });
    within(year).getByText(/^Applied as: 好 in every quarter: first in line for annual 优秀 \(as applied: when the periods graded 好/);
    within(screen.getByRole('region', { name: 'No grade, not taking part, appraised elsewhere' })).getByRole('button', {
      name: 'Add a no-grade or not-appraised case',
    });
  }, 120000);
});
