/**
 * 检查全部工作表's use case (src/app/all-sheets): every roster sheet analysed as analyseSheet analyses it
 * alone; the summary line of each (the top grade against its quota, the whole office's or the units' added
 * up); the pane's printable form of them. Sheets: ../helpers/county and the real layouts of ../helpers/real-sheets.
 */
import { analyseAllSheets, analyseSheet, sheetsForm, sheetSummary, type WorkbookSource } from '../../src/app';
import type { Grid } from '../../src/engine';
import { unitSheet } from '../helpers/county';
import { countyCompilation } from '../helpers/real-sheets';

const book = (grids: Grid[]): WorkbookSource => ({
  sheets: grids.map((g) => ({ name: g.sheet, visible: true, grid: () => g })),
  settings: null,
  settingsBroken: false,
});
const notes: Grid = { sheet: '说明', top: 1, left: 1, values: [['各站所一张表。']], merges: [] };

describe('analyseAllSheets', () => {
  const grids = [
    notes,
    { ...unitSheet('白马镇党政办', 10, 1, true), sheet: '党政办' },
    { ...unitSheet('白马镇经发办', 12, 2), sheet: '经发办' },
  ];

  it('analyses each roster sheet as analyseSheet does it alone, and leaves out a sheet without a roster', () => {
    const all = analyseAllSheets(book(grids), { locale: 'zh' });
    expect(all.ok).toBe(true);
    if (!all.ok) return;
    expect(all.sheets.map((s) => (s.ok ? s.analysis.sheet : s.sheet))).toEqual(['党政办', '经发办']);
    for (const s of all.sheets) {
      const alone = analyseSheet(book(grids), { locale: 'zh', sheet: s.ok ? s.analysis.sheet : s.sheet });
      expect(s.ok && alone.ok && s.analysis.results.people).toEqual(alone.ok && alone.analysis.results.people);
    }
  });

  it('summarises a sheet: its unit, scheme, people and top grade against the whole office’s quota', () => {
    const all = analyseAllSheets(book(grids), { locale: 'zh' });
    const first = all.ok ? all.sheets[0] : undefined;
    if (!first?.ok) throw new Error('not checked');
    const a = first.analysis;
    const top = a.results.people.filter((p) => p.grade === '好').length;
    expect(sheetSummary(a, 'zh')).toEqual({
      sheet: '党政办',
      unit: '白马镇党政办',
      scheme: 'gwy-2020',
      schemeName: a.scheme.name,
      source: 'preset',
      people: 10,
      graded: 10,
      // 40% of 10: 4 places.
      top: { grade: '好', count: top, limit: 4, share: top / 10, severity: top > 4 ? 'error' : 'ok', over: top > 4 },
      errors: a.results.issues.filter((i) => i.severity === 'error').length,
      warnings: a.results.issues.filter((i) => i.severity === 'warning').length,
    });
    expect(top).toBeGreaterThan(4);
  });

  it('adds the units’ quotas up where the quota is per unit, in the period furthest over (the county compilation: 40% of each unit, three quarters)', () => {
    const all = analyseAllSheets(book([countyCompilation()]), { locale: 'zh' });
    const first = all.ok ? all.sheets[0] : undefined;
    if (!first?.ok) throw new Error('not checked');
    const r = first.analysis.results;
    const caps = r.quotas.filter((q) => q.kind === 'max' && q.scope.kind === 'unit');
    const periods = [...new Set(caps.map((q) => q.period))];
    expect(periods.length).toBe(3);
    const sums = periods.map((p) => {
      const qs = caps.filter((q) => q.period === p);
      return [qs.reduce((n, q) => n + q.count, 0), qs.reduce((n, q) => n + q.limit, 0)];
    });
    const worst = [...sums].sort((a, b) => b[0]! - b[1]! - (a[0]! - a[1]!))[0];
    const t = sheetSummary(first.analysis, 'zh').top!;
    expect([t.count, t.limit]).toEqual(worst);
  });

  it('gives the single check’s reason when no sheet holds a roster', () => {
    const all = analyseAllSheets(book([notes]), { locale: 'zh' });
    expect(all.ok ? 'ok' : all.outcome.problem).toBe('no-roster');
  });
});

describe('sheetsForm', () => {
  it('lays one row a sheet, the sheets not checked with their reason, and charts the shares against the limits', () => {
    const grids = [
      { ...unitSheet('白马镇党政办', 10, 1, true), sheet: '党政办' },
      { ...unitSheet('白马镇经发办', 12, 2), sheet: '经发办' },
    ];
    const all = analyseAllSheets(book(grids), { locale: 'zh' });
    if (!all.ok) throw new Error('not checked');
    const lines = all.sheets.map(
      (s) => (s.ok ? { sheet: s.analysis.sheet, summary: sheetSummary(s.analysis, 'zh'), reason: null } : null)!,
    );
    const form = sheetsForm([...lines, { sheet: '表三', summary: null, reason: '没有相符的内置方案' }]);
    const [a, b] = lines.map((l) => l.summary!);
    expect(form.rows.map((r) => [r[1], r[2], r[6], r[7], r[9], r[10], r[13]])).toEqual([
      ['党政办', '白马镇党政办', '好', a!.top!.count, 4, `超出 ${a!.top!.count - 4} 人`, ''],
      ['经发办', '白马镇经发办', '好', b!.top!.count, 4, `余 ${4 - b!.top!.count} 人`, ''],
      ['表三', '', '', null, null, '', '没有相符的内置方案'],
    ]);
    expect(form.chart).toEqual({
      title: '各表最高等次占比与上限',
      categoryLabel: '工作表',
      percent: true,
      categories: ['党政办', '经发办'],
      series: [
        { name: '占比', values: [Math.round(a!.top!.share * 1000) / 1000, Math.round(b!.top!.share * 1000) / 1000] },
        { name: '上限占比', values: [0.4, Math.round((4 / 12) * 1000) / 1000] },
      ],
    });
  });
});
