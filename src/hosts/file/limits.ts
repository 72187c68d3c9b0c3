/**
 * How much of a workbook file the command line reads: every limit in one table, stated in the
 * README (命令行 → 读取上限). A file over one is refused with one line naming the limit, the sheet
 * and the cell; nothing is read past it, so no file can take the reader out of memory or time.
 * What a file *claims* (a <dimension> tag, empty styled cells far away, a merge over the whole
 * sheet) is not what it holds: those never count (./package, ./sheet).
 */
export const READ_LIMITS = {
  /** The file on disk. */
  packageBytes: 100 * 1024 * 1024,
  /** All parts of an .xlsx package inflated (a zip bomb stops here, whatever sizes it declares). */
  unpackedBytes: 256 * 1024 * 1024,
  /** Rows of a sheet's used range (the cells that hold something). */
  rows: 200_000,
  /** Columns of a sheet's used range. */
  columns: 1_024,
  /** Cells of a sheet's used range (rows × columns, the empty ones inside it included). */
  cells: 4_000_000,
  /** Characters in one cell (Excel's own limit). */
  textLength: 32_767,
} as const;

export type ReadLimit = keyof typeof READ_LIMITS;

/**
 * Past this many empty rows, cells or merged cells beyond a sheet's data, the reader is given the
 * package without them (the copy says so); below it the package is read as it is.
 */
export const TRIM_BEYOND_DATA = 10_000;

/** A file over one of READ_LIMITS: `found` is what it has, `sheet` and `cell` where (when known). */
export class LimitError extends Error {
  constructor(
    readonly limit: ReadLimit,
    readonly found: number,
    readonly sheet: string | null = null,
    readonly cell: string | null = null,
  ) {
    super(`${limit}: ${found} > ${READ_LIMITS[limit]}${sheet !== null ? ` (${sheet}${cell ? `!${cell}` : ''})` : ''}`);
    this.name = 'LimitError';
  }
}
