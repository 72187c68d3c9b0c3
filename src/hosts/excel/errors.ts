/**
 * What Excel threw, in the pane's terms (issue #20, defect 5): Office's error codes mapped precisely, by a table, to a
 * HostProblem whose message says what to do. InvalidOperation is Excel's word for many refusals (a protected cell,
 * part of an array or a merged area, a table's rows), so its message and debug information are read for which; one
 * that names none of them is reported with Excel's own words, not as a protected sheet.
 * Codes: Excel.ErrorCodes (AccessDenied, InvalidOperation, InvalidOperationInCellEditMode, MergedRangeConflict,
 * FilteredRangeConflict, PivotTableRangeConflict, ResponsePayloadSizeLimitExceeded) and OfficeExtension's
 * RequestPayloadSizeLimitExceeded.
 */
import { HostError, type HostProblem } from '../host';

/** An error code, and what it means. */
const BY_CODE: Record<string, HostProblem> = {
  AccessDenied: 'protected',
  InvalidOperationInCellEditMode: 'cell-edit',
  MergedRangeConflict: 'merged',
  FilteredRangeConflict: 'filtered',
  PivotTableRangeConflict: 'table',
  PayloadSizeLimitExceeded: 'payload-too-large',
  RequestPayloadSizeLimitExceeded: 'payload-too-large',
  ResponsePayloadSizeLimitExceeded: 'payload-too-large',
};

/** An InvalidOperation, by what its message says (Excel's English words, or its Chinese ones), first match wins. */
const INVALID_OPERATION: [RegExp, HostProblem][] = [
  [/protect|保护/i, 'protected'],
  [/cell[- ]edit|edit mode|编辑模式/i, 'cell-edit'],
  [/array|数组/i, 'array'],
  [/merge|合并/i, 'merged'],
  [/table|list ?object|pivot|表格|数据透视/i, 'table'],
  [/filter|筛选/i, 'filtered'],
];

/** The `code` of an Office error (OfficeExtension.Error); '' for anything else. */
export function codeOf(e: unknown): string {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : '';
}

/** An error's message with Office's debug information, where it has some. */
function wordsOf(e: unknown): string {
  if (typeof e !== 'object' || e === null) return String(e);
  const { message, debugInfo } = e as { message?: unknown; debugInfo?: { message?: unknown; errorLocation?: unknown } };
  return [message, debugInfo?.message, debugInfo?.errorLocation].filter((x) => typeof x === 'string').join(' ');
}

function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  const message = typeof e === 'object' && e !== null ? (e as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : String(e);
}

/** The problem an error means; null when it is none of those known. */
export function problemOf(e: unknown): HostProblem | null {
  const code = codeOf(e);
  const known = BY_CODE[code];
  if (known) return known;
  if (code === 'InvalidOperation') return INVALID_OPERATION.find(([re]) => re.test(wordsOf(e)))?.[1] ?? null;
  return null;
}

export const isPayloadError = (e: unknown): boolean => problemOf(e) === 'payload-too-large';

/** What a call into Excel threw, in the pane's terms; a HostError thrown inside the call is kept. */
export function hostError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  const problem = problemOf(e);
  return problem ? new HostError(problem) : new HostError('failed', messageOf(e));
}

/** How long to wait before asking once more when Excel is editing a cell (the user may press Enter meanwhile). */
export const CELL_EDIT_RETRY_MS = 800;

/**
 * `attempt`, and once more after a moment when Excel refused it because a cell is being edited, if `retry` (a read:
 * it changed nothing, so asking again is safe). A write is not repeated: its refusal is explained instead
 * ('cell-edit': 请先按 Enter 或 Esc 结束单元格编辑).
 */
export async function onceMoreAfterCellEdit<T>(retry: boolean, attempt: () => Promise<T>, waitMs = CELL_EDIT_RETRY_MS): Promise<T> {
  try {
    return await attempt();
  } catch (e) {
    if (!retry || problemOf(e) !== 'cell-edit') throw e;
  }
  await new Promise((r) => setTimeout(r, waitMs));
  return attempt();
}
