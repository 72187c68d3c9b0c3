/**
 * After a write that failed part-way: which of its cells Excel now holds as written, read back in batches that stay
 * within Excel on the web's limit on a response (5 MB, counted in UTF-8 bytes), one range per run of cells down a
 * column rather than one per cell. Only this error path reads them.
 */
/* global Excel */
import { type CellContent, type CellWrite, isCellError } from '../../engine';
import { excelInput, jsonBytes } from './convert';

/** Writes in runs down a column on consecutive rows: one range read per run. */
export function runsOf(writes: CellWrite[]): CellWrite[][] {
  const sorted = [...writes].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: CellWrite[][] = [];
  for (const w of sorted) {
    const last = runs[runs.length - 1];
    const end = last?.[last.length - 1];
    if (last && end && end.col === w.col && end.row + 1 === w.row) last.push(w);
    else runs.push([w]);
  }
  return runs;
}

/** What reading a cell back may return: the larger of its two contents, and its share of the JSON around them. */
const cellBytes = (w: CellWrite): number => Math.max(jsonBytes(excelInput(w.before)), jsonBytes(excelInput(w.after))) + 4;

/** Runs in batches of at most about `maxBytes` of response each, a run cut where it alone is larger. */
export function readBatches(writes: CellWrite[], maxBytes: number): CellWrite[][][] {
  const batches: CellWrite[][][] = [];
  let batch: CellWrite[][] = [];
  let size = 0;
  for (const run of runsOf(writes)) {
    let part: CellWrite[] = [];
    for (const w of run) {
      const bytes = cellBytes(w);
      if (size + bytes > maxBytes && (batch.length > 0 || part.length > 0)) {
        if (part.length > 0) batch.push(part);
        batches.push(batch);
        batch = [];
        part = [];
        size = 0;
      }
      part.push(w);
      size += bytes;
    }
    if (part.length > 0) batch.push(part);
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** Whether what range.formulas gives for a cell is this content. */
export function holds(now: unknown, c: CellContent): boolean {
  if (c.formula) return now === c.formula;
  const v = c.value;
  return now === (v === null ? '' : isCellError(v) ? v.error : v);
}

const refusedAsTooLarge = (e: unknown): boolean => /PayloadSizeLimitExceeded/.test(String((e as { code?: unknown } | null)?.code ?? ''));

/**
 * The writes whose cells hold their new content and not their old: a round trip per batch of about `maxBytes`; a
 * batch Excel still refuses as too large (it read nothing) is cut in half and read again.
 */
export async function writtenNow(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  writes: CellWrite[],
  maxBytes: number,
): Promise<CellWrite[]> {
  const written: CellWrite[] = [];
  let limit = maxBytes;
  let batches = readBatches(writes, limit);
  while (batches.length > 0) {
    const ranges = batches[0]!.map((run) => {
      const r = ws.getRangeByIndexes(run[0]!.row - 1, run[0]!.col - 1, run.length, 1);
      r.load('formulas');
      return { run, r };
    });
    try {
      await ctx.sync();
    } catch (e) {
      if (!refusedAsTooLarge(e) || limit < 1000) throw e;
      limit = Math.floor(limit / 2);
      batches = readBatches(batches.flat(2), limit);
      continue;
    }
    for (const { run, r } of ranges)
      run.forEach((w, i) => {
        const now = r.formulas[i]?.[0];
        if (!holds(now, w.before) && holds(now, w.after)) written.push(w);
      });
    batches.shift();
  }
  return written;
}
