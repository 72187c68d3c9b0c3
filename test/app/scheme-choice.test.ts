/**
 * One scheme-choice policy for every entry point (src/app): the task pane, the ribbon's one-click
 * command and `kaohe check` choose the same scheme for the same sheet — on every sheet of every
 * bundled example, and on sheets where the pane used to fall back to gwy-2020 without a word.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { oneClick } from '../../src/commands/one-click';
import type { Grid } from '../../src/engine';
import { analyseActive, schemeInUse } from '../../src/taskpane/session';
import { kaohe } from '../cli/helpers';
import { bookHost, exampleSheets } from '../taskpane/open-pane';
import { writeXlsx } from '../helpers/xlsx';
import { gridOf } from '../helpers/sheets';

const EXAMPLES = readdirSync(join(__dirname, '..', '..', 'examples')).filter((f) => f.endsWith('.xlsx'));

/** The scheme each entry point chooses for one sheet of a workbook, or null where it finds no roster. */
async function choices(file: string, sheets: Grid[], sheet: string) {
  const host = bookHost(sheets, sheet);
  const outcome = analyseActive(await host.readSheet(), { kind: 'auto' }, null, 'zh');
  const pane = outcome.ok ? outcome.analysis.scheme.id : (schemeInUse(outcome)?.scheme.id ?? null);
  const ribbon = /方案：(\S+)/.exec((await oneClick(host, 'zh')).lines[0]!)?.[1] ?? null;
  const run = await kaohe('check', file, '--sheet', sheet, '--json');
  const cli = run.code === 2 ? null : (JSON.parse(run.out) as { scheme: string }).scheme;
  return { pane, ribbon, cli };
}

describe('the pane, the ribbon command and the command line choose the same scheme', () => {
  it.each(EXAMPLES)('on every sheet of examples/%s', async (name) => {
    const file = join(__dirname, '..', '..', 'examples', name);
    const sheets = await exampleSheets(name);
    for (const g of sheets) {
      const c = await choices(file, sheets, g.sheet);
      expect([g.sheet, c.pane, c.ribbon]).toEqual([g.sheet, c.cli, c.cli]);
    }
  });

  it('on the example’s first quarter: gwy-2020, recognised by its headers', async () => {
    const file = join(__dirname, '..', '..', 'examples', 'gwy-2020-q1.xlsx');
    expect(await choices(file, await exampleSheets('gwy-2020-q1.xlsx'), '第一季度')).toEqual({
      pane: 'gwy-2020',
      ribbon: 'gwy-2020',
      cli: 'gwy-2020',
    });
  });

  it('on a sheet no preset can read, where the pane used to take gwy-2020: none of them chooses a scheme', async () => {
    const cover = gridOf([['2024年第一季度平时考核填表说明'], ['1. 请按姓名逐行填写'], ['2. 等次由考核小组确定']], [], '填表说明');
    const namesOnly = gridOf(
      [
        ['序号', '姓名', '科室', '备注'],
        [1, '张三', '办公室', ''],
        [2, '李四', '财务科', ''],
      ],
      [],
      '名单',
    );
    const file = await writeXlsx([cover, namesOnly]);
    expect(await choices(file, [cover, namesOnly], '填表说明')).toEqual({ pane: null, ribbon: null, cli: null });
    // A list of names only: whatever is chosen, it is chosen alike (how well it fits is issue #15's business).
    const c = await choices(file, [cover, namesOnly], '名单');
    expect([c.pane, c.ribbon]).toEqual([c.cli, c.cli]);
  });
});
