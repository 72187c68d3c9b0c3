/**
 * One scheme-choice policy for every entry point (src/app): the task pane, the ribbon's one-click
 * command and `kaohe check` choose the same scheme for the same sheet — on every sheet of every
 * bundled example, and on sheets where the pane used to fall back to gwy-2020 without a word.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { oneClick } from '../../src/commands/one-click';
import type { Grid } from '../../src/engine';
import { analyseActive, schemeInUse, schemeNote } from '../../src/taskpane/session';
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
    // A list of names only: it used to get yining-zhucun (everyone 100 points); now none of them chooses a scheme.
    expect(await choices(file, [cover, namesOnly], '名单')).toEqual({ pane: null, ribbon: null, cli: null });
  });

  it('on sheets no preset fits clearly (issue #15’s layouts): all three take the sheet’s own scheme and say so alike', async () => {
    // A 60-point 领导干部 sheet with 得分 columns (it used to get xicheng-sifa and 不称职 for everyone).
    const leaders = gridOf(
      [
        ['序号', '姓名', '职务', '民主测评得分（30分）', '领导评价得分（30分）', '总得分（60分）', '考核等次'],
        [1, '张三', '局长', 28, 27, 55, '优秀'],
        [2, '李四', '副局长', 26, 25, 51, '称职'],
        [3, '王五', '副局长', 25, 24, 49, '称职'],
      ],
      [],
      '领导干部',
    );
    // A grades-only roster with the national ladder (it used to get yining-zhucun).
    const grades = gridOf(
      [
        ['序号', '姓名', '科室', '考核等次'],
        [1, '张三', '办公室', '好'],
        [2, '李四', '财务科', '较好'],
        [3, '王五', '财务科', '一般'],
      ],
      [],
      '等次',
    );
    const file = await writeXlsx([leaders, grades]);
    for (const name of ['领导干部', '等次']) {
      // No preset fits either clearly: each gets the scheme inferred from the sheet itself, and all three say so alike.
      const host = bookHost([leaders, grades], name);
      const outcome = analyseActive(await host.readSheet(), { kind: 'auto' }, null, 'zh');
      expect(outcome.ok ? [outcome.analysis.scheme.id, outcome.analysis.source] : outcome.problem).toEqual(['inferred', 'inferred']);
      const said = schemeNote(outcome, 'zh')!;
      expect(said).toMatch(/^没有相符的内置方案，已按本表推断/);
      expect((await oneClick(host, 'zh')).lines[1]).toBe(said);
      const run = await kaohe('check', file, '--sheet', name, '--json');
      expect(JSON.parse(run.out).schemeSource).toBe('inferred');
      expect((await kaohe('check', file, '--sheet', name)).out).toContain(said);
    }
  });
});
