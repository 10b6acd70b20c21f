import * as ExcelJS from 'exceljs';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';

export type Cell = string | number | null;

export interface TableColumn {
  header: string;
  /** Excel column width in characters. */
  width: number;
  /** Excel number format for numeric cells, e.g. '#,##0'. */
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

export const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

/** A cell starting with = + - @ would run as a formula when Excel opens a CSV: quote it as text. */
function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: Cell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function createCsvWriter(columns: TableColumn[]): TableWriter {
  const stream = new PassThrough({ highWaterMark: 1 << 20 });
  stream.write(`\uFEFF${csvLine(columns.map((c) => c.header))}`);
  return {
    stream,
    writeRow: (cells) => void stream.write(csvLine(cells)),
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
