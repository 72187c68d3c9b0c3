import type { CellWrite, Plan } from '../../src/engine';

/** A plan of these writes only, on sheet 表, as the hosts' tests hand it to a host. */
export const planOf = (writes: CellWrite[]): Plan => ({
  sheet: '表',
  mode: 'values',
  writes,
  conflicts: [],
  newColumns: [],
  skipped: [],
  valuesInstead: [],
  nothingToWrite: null,
});
