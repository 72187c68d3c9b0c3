/**
 * The command line at a fixed point: `kaohe grade --out copy` then `kaohe check copy` finds no
 * error the check of the original did not (same rule, same cell, or the same row in a column
 * grade added), for the examples under every preset, with values and with --formulas.
 */
import { join } from 'node:path';
import { PRESET_IDS } from '../../src/schemes';
import { tempDir } from '../helpers/xlsx';
import { kaoheJson } from './helpers';

const examples = ['gwy-2020-q1.xlsx', 'qu-zuzhi-2014-months.xlsx'].map((f) => join(__dirname, '..', '..', 'examples', f));

interface IssueJson {
  rule: string;
  severity: string;
  cell: string | null;
  row: number | null;
}

const errors = (r: { issues: IssueJson[] }): IssueJson[] => r.issues.filter((i) => i.severity === 'error');

describe('kaohe check on what kaohe grade wrote', () => {
  it.each(examples.flatMap((file) => PRESET_IDS.map((id) => [file.split('/').at(-1)!, id, file] as const)))(
    '%s under %s: nothing new, with values and with --formulas',
    async (_name, id, file) => {
      const dir = tempDir();
      const first = await kaoheJson('check', file, '--scheme', id).catch(() => null);
      if (first === null) return; // no roster this scheme reads: nothing to write
      for (const mode of [[], ['--formulas']]) {
        const out = join(dir, `${id}${mode.length}.xlsx`);
        const graded = await kaoheJson('grade', file, '--scheme', id, '--out', out, ...mode);
        const added = new Set<string>(graded.report.output.newColumns.map((c: { column: string }) => c.column));
        const again = await kaoheJson('check', out, '--scheme', id, '--sheet', first.report.sheet);
        const was = errors(first.report);
        const seen = new Set(was.map((i) => `${i.rule}@${i.cell}`));
        const fresh = errors(again.report).filter(
          (i) =>
            !seen.has(`${i.rule}@${i.cell}`) &&
            !(added.has((i.cell ?? '').replace(/\d+$/, '')) && was.some((e) => e.rule === i.rule && e.row === i.row)),
        );
        expect([id, mode, fresh]).toEqual([id, mode, []]);
      }
    },
  );
});
