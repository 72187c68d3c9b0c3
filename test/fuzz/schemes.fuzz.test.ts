/**
 * Generated scheme files: presets with random edits (values replaced by anything JSON holds,
 * keys removed, list entries repeated, expressions garbled) and texts that are not schemes at
 * all. Each is refused with a SchemeError whose message says what is wrong, or accepted — and
 * then checks a generated sheet without an exception, with finite totals and plans that undo.
 * SCHEME_FUZZ_RUNS sets the number of files (default 500).
 */
import fc from 'fast-check';
import { checkGrid, FIT_LIMITS, type Fit, rankFits } from '../../src/engine';
import { applyToGrid, buildPlan, undoPlan } from '../../src/engine/plan/plan';
import { toReport } from '../../src/engine/report/report';
import { SchemeError } from '../../src/engine/scheme/load';
import type { Scheme } from '../../src/engine/scheme/model';
import { allPresets, PRESET_IDS, rawPreset, schemeFromText } from '../../src/schemes';
import { cellsOf, expectWellFormedIssues, fuzzSettings } from './fuzz';
import { buildSheet, sheetSpec } from './sheet-gen';

/** A fit is a share from 0 to 1, and clear only at the threshold or above. */
function expectSaneFits(fits: Fit[]): void {
  for (const f of fits) {
    expect(f.score >= 0 && f.score <= 1).toBe(true);
    if (f.clear) expect(f.score).toBeGreaterThanOrEqual(FIT_LIMITS.clear);
  }
}

const settings = fuzzSettings('SCHEME_FUZZ_RUNS', 500);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path into a JSON value (not the root itself). */
function paths(v: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  const children: [string | number, Json][] = Array.isArray(v)
    ? v.map((x, i) => [i, x])
    : v !== null && typeof v === 'object'
      ? Object.entries(v)
      : [];
  for (const [k, x] of children) {
    out.push([...at, k]);
    paths(x, [...at, k], out);
  }
  return out;
}

type Edit =
  | { at: number; op: 'replace'; value: Json }
  | { at: number; op: 'delete' }
  | { at: number; op: 'repeat' }
  | { at: number; op: 'garble'; text: string };

/** Values a careless or hostile editor may leave: extremes, wrong types, formula-like texts. */
const oddValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(0, -1, 1e308, -1e308, 5e-324, 0.1, 100, 1000000, '', ' ', '=1/0', '优秀', 'a', [], {}, null, true),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  fc.string({ maxLength: 12 }),
);

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ at: fc.nat(), op: fc.constant('replace' as const), value: oddValue }) },
  { weight: 2, arbitrary: fc.record({ at: fc.nat(), op: fc.constant('delete' as const) }) },
  { weight: 1, arbitrary: fc.record({ at: fc.nat(), op: fc.constant('repeat' as const) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      at: fc.nat(),
      op: fc.constant('garble' as const),
      text: fc.oneof(
        fc.constantFrom('(', ')', '/0', '*1e308', ',', 'x', '"', '>=', 'IF(', 'MAX()', '--', '^'),
        fc.string({ maxLength: 4 }),
      ),
    }),
  },
);

function applyEdit(root: Json, e: Edit): void {
  const all = paths(root);
  if (all.length === 0) return;
  const path = all[e.at % all.length]!;
  const parent = path.slice(0, -1).reduce<Json>((v, k) => (v as Record<string, Json>)[k as string]!, root) as Record<string, Json> | Json[];
  const key = path.at(-1)!;
  const current = (parent as Record<string, Json>)[key as string]!;
  if (e.op === 'replace') (parent as Record<string, Json>)[key as string] = e.value;
  else if (e.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key as string];
  } else if (e.op === 'repeat') {
    if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(current));
  } else if (typeof current === 'string') {
    // Garble a string (an expression, a label, a grade) at a point chosen by the same index.
    const cut = e.at % (current.length + 1);
    (parent as Record<string, Json>)[key as string] = current.slice(0, cut) + e.text + current.slice(cut);
  }
}

interface SchemeFile {
  base: string;
  text: string;
}

const editedPreset: fc.Arbitrary<SchemeFile> = fc
  .record({ base: fc.constantFrom(...PRESET_IDS), edits: fc.array(edit, { minLength: 1, maxLength: 4 }), viaExtends: fc.boolean() })
  .map(({ base, edits, viaExtends }) => {
    const raw = structuredClone(rawPreset(base)) as Json;
    for (const e of edits) applyEdit(raw, e);
    // A user's file that extends the preset and replaces some of its parts.
    if (viaExtends && raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
      const keep = Object.keys(raw).filter((k, i) => k !== 'id' && i % 2 === 0);
      const text = JSON.stringify({ extends: base, id: `${base}-local`, ...Object.fromEntries(keep.map((k) => [k, raw[k]!])) });
      return { base, text };
    }
    return { base, text: JSON.stringify(raw) };
  });

const notAScheme: fc.Arbitrary<SchemeFile> = fc
  .oneof(
    fc.string({ maxLength: 40 }),
    fc.json({ maxDepth: 3 }),
    fc.constantFrom(
      '{',
      '{"id":',
      '\uFEFF{}',
      'null',
      '{"extends":"gwy-2020","extends2":1}',
      '{"extends":"no-such"}',
      '{"extends":"gwy-2020","grading":7}',
    ),
  )
  .map((text) => ({ base: 'gwy-2020', text }));

const schemeFile = fc.oneof({ weight: 4, arbitrary: editedPreset }, { weight: 1, arbitrary: notAScheme });

function load(text: string): Scheme | null {
  let scheme: Scheme | null = null;
  for (const locale of ['zh', 'en'] as const) {
    try {
      scheme = schemeFromText(text, locale);
    } catch (e) {
      expect(e).toBeInstanceOf(SchemeError);
      const message = (e as SchemeError).message;
      expect(message.length).toBeGreaterThan(0);
      expect(message).not.toMatch(/undefined|\[object/);
      scheme = null;
    }
  }
  return scheme;
}

describe(`${settings.numRuns} generated scheme files`, () => {
  it('are refused with a reason, or check a sheet without an exception', () => {
    let accepted = 0;
    fc.assert(
      fc.property(schemeFile, sheetSpec, (file, spec) => {
        const scheme = load(file.text);
        if (scheme === null) return;
        accepted++;
        const b = buildSheet({ ...spec, presetId: file.base });
        expectSaneFits(rankFits(b.grid, [...allPresets(), scheme]).map((x) => x.fit));
        const r = checkGrid(b.grid, scheme);
        if (r === null) return;
        toReport(r, 'zh');
        expectWellFormedIssues(r, b.grid);
        for (const p of r.people) if (p.total !== null) expect(Number.isFinite(p.total)).toBe(true);
        for (const formulas of [false, true]) {
          const plan = buildPlan(r, b.grid, { formulas });
          for (const w of plan.writes) if (typeof w.after.value === 'number') expect(Number.isFinite(w.after.value)).toBe(true);
          expect(cellsOf(applyToGrid(applyToGrid(b.grid, plan), undoPlan(plan)))).toEqual(cellsOf(b.grid));
        }
      }),
      settings,
    );
    // The edits are mild enough that a good share of files is still a scheme, so the sheet side is exercised.
    expect(accepted).toBeGreaterThan(settings.numRuns / 10);
  });
});
