import * as ExcelJS from 'exceljs';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';

/**
 * A Date cell holds the district's wall-clock time in its UTC fields (see `districtTime`): exceljs
 * writes a Date's UTC fields as the cell's serial date, and Excel has no time zone.
 */
export type Cell = string | number | Date | null;

export interface TableColumn {
  header: string;
  /** Excel column width in characters. */
  width: number;
  /** Excel number format for numeric and date cells, e.g. '#,##0' or DATE_TIME_FORMAT. */
  numFmt?: string;
}

/**
 * Writes a table to a stream, row by row, never holding more than the rows in flight: CSV as
 * UTF-8 with a BOM (so Excel reads the Chinese), or .xlsx through exceljs' streaming writer.
 * `drained()` resolves once the reader has caught up — await it between batches.
 */
export interface TableWriter {
  readonly stream: PassThrough;
  writeRow(cells: Cell[]): void;
  drained(): Promise<void>;
  end(): Promise<void>;
}

export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';

/** PostgreSQL's text of a timestamp at the district's wall clock, for `districtTime`. */
export const districtTimeSql = (column: string) =>
  `to_char(${column} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS')`;

/** A wall-clock text ('2026-12-08T09:30:00', or a day '2026-12-08') as a Date cell, or null. */
export function districtTime(value: unknown): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const text = String(value);
  return new Date(text.length === 10 ? `${text}T00:00:00Z` : `${text}Z`);
}

/** An instant as a Date cell at the district's wall clock (China keeps UTC+8 all year). */
export function districtWallClock(instant: string | Date): Date {
  return new Date(new Date(instant).getTime() + 8 * 3_600_000);
}

export const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

/** A cell starting with = + - @ would run as a formula when Excel opens a CSV: quote it as text. */
function csvCell(value: Cell, numFmt?: string): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  // The wall clock as Excel reads a date typed into a CSV: 2026-12-08 or 2026-12-08 09:30.
  if (value instanceof Date)
    return value
      .toISOString()
      .slice(0, numFmt?.includes('hh') ? 16 : 10)
      .replace('T', ' ');
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: Cell[], columns?: TableColumn[]): string {
  return `${cells.map((cell, i) => csvCell(cell, columns?.[i]?.numFmt)).join(',')}\r\n`;
}

export function createCsvWriter(columns: TableColumn[]): TableWriter {
  const stream = new PassThrough({ highWaterMark: 1 << 20 });
  stream.write(`\uFEFF${csvLine(columns.map((c) => c.header))}`);
  return {
    stream,
    writeRow: (cells) => void stream.write(csvLine(cells, columns)),
    drained: () => drained(stream),
    end: async () => {
      stream.end();
    },
  };
}

export function createXlsxWriter(sheetName: string, columns: TableColumn[]): TableWriter {
  const stream = new PassThrough({ highWaterMark: 1 << 20 });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({
    key: String(i),
    width: c.width,
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }));
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  return {
    stream,
    writeRow: (cells) => sheet.addRow(cells).commit(),
    drained: () => drained(stream),
    end: async () => {
      sheet.commit();
      await workbook.commit();
    },
  };
}

async function drained(stream: PassThrough): Promise<void> {
  if (stream.destroyed) throw new Error('export stream closed');
  if (stream.writableNeedDrain) await Promise.race([once(stream, 'drain'), once(stream, 'close')]);
}

/** `attachment` with an ASCII fallback name and the Chinese name in RFC 5987 form. */
export function contentDisposition(asciiName: string, displayName: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(displayName)}`;
}
