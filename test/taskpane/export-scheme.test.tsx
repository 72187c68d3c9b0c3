/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * 导出方案 where it can work (#20 defect 9): desktop Office's webviews ignore a download, so there the button opens
 * the 方案 view with 复制方案 and 生成方案说明表 and says so; in a browser (Excel on the web) it downloads the JSON file.
 */
import { cleanup, screen } from '@testing-library/react';
import { configure } from '@testing-library/dom';
import type { Grid } from '../../src/engine';
import { exampleSheets, openPane } from './open-pane';
import { StubHost } from './stub-host';

configure({ defaultHidden: true });

let example: Grid;
beforeAll(async () => {
  example = (await exampleSheets('gwy-2020-q1.xlsx'))[0]!;
});
afterEach(cleanup);

const ready = () => screen.findByText('16 人：定等次 12，不定等次 2，不参加 2');

/** Anchors clicked to download, by their file name. */
function downloads(): string[] {
  const names: string[] = [];
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  Object.assign(URL, { createObjectURL: () => 'blob:scheme', revokeObjectURL: () => undefined });
  return names;
}

describe('导出方案', () => {
  afterEach(() => jest.restoreAllMocks());

  it('in desktop Excel: no download, the 方案 view with 复制方案 and 生成方案说明表, and why', async () => {
    const clicked = downloads();
    const user = openPane(new StubHost(example), 'zh', false);
    await ready();
    await user.click(screen.getByRole('button', { name: '导出方案' }));
    await screen.findByRole('heading', { name: '方案内容' });
    expect(await screen.findByText(/桌面版 Excel 不能下载文件/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '复制方案' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '生成方案说明表' })).toBeTruthy();
    expect(clicked).toEqual([]);
  });

  it('in a browser: the scheme downloaded as a JSON file', async () => {
    const clicked = downloads();
    const user = openPane(new StubHost(example), 'zh', true);
    await ready();
    await user.click(screen.getByRole('button', { name: '导出方案' }));
    await new Promise((r) => setTimeout(r, 200));
    expect(clicked).toEqual(['gwy-2020.json']);
  });
});
