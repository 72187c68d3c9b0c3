/**
 * The proof that live formulas equal the engine: for every preset, a sheet of 600 random rows
 * (edge totals, capped bonus and penalty, no-grade remarks and direct grades among them) is
 * graded with --formulas, LibreOffice recalculates every formula, and each recalculated total
 * and grade must equal the engine's. Needs LibreOffice (Debian: libreoffice-calc-nogui); run
 * with `npm run test:system`.
 */
import { join } from 'node:path';
import { PRESET_IDS, preset } from '../../src/schemes';
import { compileScheme, type Scheme } from '../../src/engine';
import { recalculate } from '../helpers/libreoffice';
import { pick, seeded } from '../helpers/random';
import { schemeSheet, type SchemePerson } from '../helpers/sheets';
import { tempDir, writeXlsx } from '../helpers/xlsx';
import { kaohe } from '../cli/helpers';

const ROWS = 600;
const EDGES = [59.5, 60, 74.5, 75, 89.5, 89.99, 90, 90.5, 91, 69.5, 70, 70.5, 71, 100, 0];
const REMARKS = [
  '试用期',
  '病假50天',
  '已调出',
  '派驻乡镇',
  '急难险重任务表现突出',
  '推诿扯皮造成不良后果',
  null,
  null,
  null,
  null,
  null,
  null,
  null,
  null,
];

function people(s: Scheme, seed: number): SchemePerson[] {
  const rand = seeded(seed);
  const out: SchemePerson[] = [];
  for (let i = 0; i < ROWS; i++) {
    const name = `人员${String(i + 1).padStart(3, '0')}`;
    const remark = REMARKS[Math.floor(rand() * REMARKS.length)] ?? null;
    if (s.grading.mode === 'entered') {
      out.push({
        name,
        grade: s.grading.labels[Math.floor(rand() * s.grading.labels.length)]!.label,
        remark: remark === '已调出' ? remark : null,
      });
      continue;
    }
    const edge = i < EDGES.length * 2 ? EDGES[i % EDGES.length] : undefined;
    const units = s.organisation ? ['街道', '区直单位'] : ['办公室', '综合科', '业务科'];
    const p: SchemePerson = { name, remark, unit: units[i % units.length]! };
    if (edge !== undefined) p.total = edge;
    else {
      // Every score column at random within its range.
      p.values = {};
      for (const it of s.items) p.values[it.id] = pick(rand, it.min ?? -it.max, it.max);
      for (const g of s.groups) if (!s.items.some((it) => it.group === g.id)) p.values[g.id] = pick(rand, 0, g.max);
      for (const x of s.inputs) p.values[x.id] = pick(rand, x.min, x.max ?? 100);
      // Cases and the points taken for them (within count × range, or not).
      for (const d of s.deductions) {
        const count = Math.floor(rand() * 3);
        p.values[`${d.id}_count`] = count;
        const each = typeof d.points === 'number' ? d.points : pick(rand, d.points.min, d.points.max, 1);
        p.values[d.id] = count * each;
      }
      // Votes that add up to the voters, or do not.
      if (s.ballot) {
        const voters = 20 + Math.floor(rand() * 20);
        p.values['voters'] = voters;
        for (const sub of s.ballot.subjects) {
          const cut = [rand(), rand(), rand()].map((x) => Math.floor(x * voters)).sort((a, b) => a - b);
          const votes = [cut[0]!, cut[1]! - cut[0]!, cut[2]! - cut[1]!, voters - cut[2]!];
          s.ballot.options.forEach((_o, k) => (p.values![`${sub.id}_${k + 1}`] = votes[k]! + (rand() < 0.1 ? 1 : 0)));
        }
      }
    }
    if (i < EDGES.length) {
      out.push(p); // the exact edge, no bonus or penalty
      continue;
    }
    const bonus = s.adjustments.find((a) => a.kind === 'bonus');
    const penalty = s.adjustments.find((a) => a.kind === 'penalty');
    if (bonus && rand() < 0.3) p.bonus = pick(rand, 0, bonus.cap + 3);
    if (penalty && rand() < 0.3) p.penalty = rand() < 0.2 ? -pick(rand, 0, penalty.cap) : pick(rand, 0, penalty.cap + 3);
    out.push(p);
  }
  return out;
}

const columnNumber = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

const num = (t: string | undefined): number | null => (t === undefined || t === '' ? null : Number(t));

describe('live formulas recalculated by LibreOffice equal the engine', () => {
  const dir = tempDir('kaohe-formulas-');
  const graded = new Map<string, { file: string; report: any; totalCol: number; gradeCol: number; rankCol: number }>();

  beforeAll(async () => {
    for (const [i, id] of PRESET_IDS.entries()) {
      const s = preset(id)!;
      const sheet = schemeSheet(s, people(s, 1000 + i));
      const input = await writeXlsx(sheet.grid, join(dir, `${id}-input.xlsx`));
      const out = join(dir, `${id}.xlsx`);
      const r = await kaohe('grade', input, '--scheme', id, '--out', out, '--formulas', '--json');
      expect(r.err).toBe('');
      // Where the total is the single input (xicheng-sifa: the leader's score), nothing is written there: read the input.
      const input1 = compileScheme(s).totalIsInput;
      const report = JSON.parse(r.out);
      // A sheet without 合计 gets a new column for the total (好评率 for keji-banzi): where the report says.
      const added = report.output.newColumns.find((c: { header: string }) => c.header !== '等次')?.column as string | undefined;
      const totalCol = input1 ? sheet.col(input1) : sheet.col('合计') || (added ? columnNumber(added) : 0);
      const rank = report.output.newColumns.find((c: { header: string }) => c.header === '排名')?.column as string | undefined;
      graded.set(id, { file: out, report, totalCol, gradeCol: sheet.col('等次'), rankCol: rank ? columnNumber(rank) : 0 });
    }
    const sheets = recalculate([...graded.values()].map((g) => g.file));
    for (const g of graded.values()) g.report.recalculated = sheets.get(g.file);
  }, 300000);

  it.each(PRESET_IDS)('%s: every total and grade', (id) => {
    const g = graded.get(id)!;
    const rows: string[][] = g.report.recalculated;
    const s = preset(id)!;
    let formulas = 0;
    for (const p of g.report.people) {
      const cells = rows[p.row - 1]!;
      // The report gives totals to 2 decimals (the contract); the sheet may hold more (好评率: 4).
      const sheetTotal = num(cells[g.totalCol - 1]);
      const total = sheetTotal === null ? null : Math.round(sheetTotal * 100) / 100;
      const grade = cells[g.gradeCol - 1] ?? '';
      if (s.grading.mode === 'entered') {
        if (p.status === 'graded') expect([p.row, grade]).toEqual([p.row, p.grade]);
        continue;
      }
      if (p.status !== 'excluded') expect([p.row, total]).toEqual([p.row, p.total]);
      if (s.grading.mode === 'none')
        expect([p.row, grade]).toEqual([p.row, '']); // a score only: no grade is written
      else if (p.status === 'graded') expect([p.row, grade]).toEqual([p.row, p.grade]);
      else expect(grade).toMatch(/^(不定等次|不参加|在外考核)/);
      // Organisations: the place COUNTIFS gives within the category is the engine's.
      if (g.rankCol > 0 && p.rank) expect([p.row, num(cells[g.rankCol - 1])]).toEqual([p.row, p.rank.place]);
      formulas++;
    }
    if (s.grading.mode === 'bands') {
      expect(formulas).toBeGreaterThanOrEqual(ROWS * 0.75);
      // At least the grade of everyone graded by the bands is a live formula (and the totals, where they are written).
      const banded = g.report.people.filter((p: { gradeFrom: string }) => p.gradeFrom === 'band').length;
      expect(banded).toBeGreaterThan(ROWS / 2);
      expect(g.report.output.formulas).toBeGreaterThanOrEqual(banded);
    } else if (s.grading.mode === 'none') {
      // A score only: every total a live formula, no grade.
      expect(formulas).toBeGreaterThanOrEqual(ROWS * 0.75);
      expect([g.report.output.formulas, g.report.output.grades]).toEqual([g.report.output.totals + g.report.output.ranks, 0]);
      if (s.organisation?.rankWithin) {
        expect(g.rankCol).toBeGreaterThan(0);
        expect(g.report.output.ranks).toBeGreaterThanOrEqual(ROWS * 0.75);
      }
    } else {
      expect(g.report.output.nothingToWrite).toBe('entered-grades');
    }
  });

  it('covers the edge totals and the caps', () => {
    const gwy = graded.get('gwy-2020')!.report;
    const totals = new Set(gwy.people.map((p: { total: number }) => p.total));
    for (const t of [59.5, 60, 89.5, 90]) expect(totals.has(t)).toBe(true);
    const capped = gwy.issues.filter((i: { rule: string; message: string }) => i.rule === 'out-of-range' && i.message.includes('上限'));
    expect(capped.length).toBeGreaterThan(10);
  });
});
