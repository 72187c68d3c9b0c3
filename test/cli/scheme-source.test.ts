/**
 * How the scheme was chosen, in the JSON report as the contract's extension has it
 * (../shared/design/cli-contract.md): `schemeSource`, and `fit` with exactly `score` and `reasons`
 * (strings in the report's language); our own `fitDetail` beside it.
 */
import { join } from 'node:path';
import { kaoheJson } from './helpers';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'gwy-2020-q1.xlsx');

describe('schemeSource and fit', () => {
  it('say the example was recognised as gwy-2020 by a clear fit, in the contract’s shape', async () => {
    const { report } = await kaoheJson('check', EXAMPLE);
    expect([report.scheme, report.schemeSource]).toEqual(['gwy-2020', 'preset']);
    expect(Object.keys(report.fit).sort()).toEqual(['reasons', 'score']);
    expect(report.fit.score).toBeGreaterThanOrEqual(0.85);
    expect(report.fit.score).toBeLessThanOrEqual(1);
    expect(report.fit.reasons.length).toBeGreaterThan(0);
    for (const r of report.fit.reasons) expect(typeof r).toBe('string');
    expect(report.fit.reasons[0]).toMatch(/列/);
    expect(report.fitDetail.clear).toBe(true);
    expect(report.fitDetail.measures.map((m: { code: string }) => m.code)).toContain('columns');
    expect(report.fitDetail.measures).toHaveLength(report.fit.reasons.length);
  });

  it('say a scheme given on the command line came from the argument, with its fit measured all the same', async () => {
    const { report } = await kaoheJson('check', EXAMPLE, '--scheme', 'xiang-2015', '--lang', 'en');
    expect([report.scheme, report.schemeSource]).toEqual(['xiang-2015', 'argument']);
    expect(report.fitDetail.clear).toBe(false);
    // In English (the column labels it names are the sheet’s own, in Chinese).
    for (const r of report.fit.reasons) expect(r).toMatch(/\b(the|of|in)\b/);
  });
});
