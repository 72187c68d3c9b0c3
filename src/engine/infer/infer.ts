/**
 * The sheet's own scheme, inferred from what the sheet states (items and maxima in its headers,
 * its total and grade columns, the ladder of its grade words, bands and quotas in its notes), for
 * a sheet no preset fits. Null when the sheet states too little to check anything.
 */
import type { Grid } from '../grid';
import type { Scheme } from '../scheme/model';

export function inferScheme(grid: Grid): Scheme | null {
  void grid;
  return null;
}
