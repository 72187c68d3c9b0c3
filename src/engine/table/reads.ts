import type { Grid, GridView } from '../grid';
import type { Vocabulary } from './columns';
import { readTable, type ColumnOverrides, type Table } from './read';

/**
 * The rosters read during one analysis of a sheet. Reading a roster is a pure function of the grid,
 * the scheme's vocabulary and the column corrections, and one analysis reads the same one up to
 * three times: to choose the sheet, to look for period columns, to check it (about 25 ms each at
 * 10,000 rows). Made by the caller for one analysis and dropped with it, so that a grid changed
 * afterwards is never answered from here.
 */
export class TableReads {
  private readonly tables = new Map<Grid, Map<Vocabulary, Map<string, Table | null>>>();

  read(view: GridView, v: Vocabulary, overrides: ColumnOverrides = {}): Table | null {
    let byVocabulary = this.tables.get(view.grid);
    if (!byVocabulary) this.tables.set(view.grid, (byVocabulary = new Map()));
    let byOverrides = byVocabulary.get(v);
    if (!byOverrides) byVocabulary.set(v, (byOverrides = new Map()));
    // Integer keys: JSON lists them in ascending order, whatever order they were set in.
    const key = JSON.stringify(overrides);
    let table = byOverrides.get(key);
    if (table === undefined) byOverrides.set(key, (table = readTable(view, v, overrides)));
    return table;
  }
}
