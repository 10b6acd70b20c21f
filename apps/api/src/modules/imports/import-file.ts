import type { ImportFormat } from '@lianqiao/contracts';
import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import * as unzipper from 'unzipper';
import { ImportFailed, MAX_READ_COLUMNS } from './import-failed';
import { xlsxRows } from './xlsx-rows';

/** A cell as read: text, a number, a date (xlsx date cells), a boolean, or nothing. */
export type RawCell = string | number | boolean | Date | null;

export interface RawRow {
  /** The spreadsheet row number (header = 1); for CSV the record number. */
  number: number;
  cells: RawCell[];
}

const SNIFF_BYTES = 64 * 1024;

/**
 * What the file is, by its content (never by its name alone): a zip container is .xlsx, text is
 * CSV (UTF-8, or GB18030 as Excel saves it on Chinese Windows); anything else is refused.
 */
export async function sniffFormat(
  path: string,
  fileName: string,
): Promise<{ format: ImportFormat; encoding: 'utf-8' | 'gb18030' } | { error: string }> {
  const handle = await open(path, 'r');
  let bytes: Buffer;
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    bytes = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (bytes.length === 0) return { error: '文件是空的' };
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    return { error: '这是旧版 Excel（.xls）文件，请另存为 .xlsx 或 .csv 后再导入' };
  }
  const isZip = bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  if (isZip) {
    if (extension !== 'xlsx') return { error: `文件内容是 .xlsx，但文件名是 .${extension ?? '?'}` };
    return { format: 'xlsx', encoding: 'utf-8' };
  }
  // Text has no NUL and almost no control characters besides tab and line breaks.
  let controls = 0;
  for (const byte of bytes) {
    if (byte === 0) return { error: '文件内容不是 .xlsx 或 .csv 表格' };
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) controls++;
  }
  if (controls > bytes.length / 100) return { error: '文件内容不是 .xlsx 或 .csv 表格' };
  if (extension !== 'csv')
    return { error: extension === 'xlsx' ? '文件名是 .xlsx，但内容不是 Excel 工作簿' : '只支持 .xlsx 或 .csv 文件' };
  return { format: 'csv', encoding: isUtf8(bytes) ? 'utf-8' : 'gb18030' };
}

function isUtf8(bytes: Buffer): boolean {
  try {
    // stream: true lets a character cut at the sample's end pass.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Rows of the first worksheet (xlsx) or the records (csv), header first, streamed. */
export async function* readRows(
  path: string,
  format: ImportFormat,
  encoding: 'utf-8' | 'gb18030',
): AsyncGenerator<RawRow> {
  if (format === 'xlsx') yield* xlsxRows(path);
  else yield* readCsv(path, encoding);
}

async function* readCsv(path: string, encoding: 'utf-8' | 'gb18030'): AsyncGenerator<RawRow> {
  // One record of a megabyte at most: a line of a million commas is refused, not read into a million cells.
  const parser = parse({
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: 1_000_000,
  });
  const source = createReadStream(path);
  if (encoding === 'utf-8') {
    source.pipe(parser);
  } else {
    const decoder = new TextDecoder('gb18030');
    source
      .pipe(
        new Transform({
          transform(chunk: Buffer, _encoding, done) {
            done(null, decoder.decode(chunk, { stream: true }));
          },
          flush(done) {
            done(null, decoder.decode());
          },
        }),
      )
      .pipe(parser);
  }
  source.on('error', (error) => parser.destroy(error));
  let number = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      number++;
      yield { number, cells: record.slice(0, MAX_READ_COLUMNS).map((cell) => (cell === '' ? null : cell)) };
    }
  } catch (error) {
    if (error instanceof ImportFailed) throw error;
    throw new ImportFailed(
      `无法读取文件：第 ${number + 1} 行之后的 CSV 格式有误（或一行过长），请检查后重新导入 (the file could not be read)`,
    );
  }
}

/**
 * A quick count of the data rows, for the progress bar while the real pass runs: CSV line
 * breaks, or the <row> elements of the first worksheet of an .xlsx (decompressed as a stream).
 */
export async function estimateRows(path: string, format: ImportFormat): Promise<number | null> {
  try {
    let count = 0;
    if (format === 'csv') {
      let last = 0x0a;
      for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
        for (const byte of chunk) if (byte === 0x0a) count++;
        last = chunk[chunk.length - 1] ?? last;
      }
      if (last !== 0x0a) count++;
    } else {
      const directory = await unzipper.Open.file(path);
      const sheet = directory.files
        .filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f.path))
        .sort((a, b) => Number(/\d+/.exec(a.path)![0]) - Number(/\d+/.exec(b.path)![0]))[0];
      if (!sheet) return null;
      // A 4-character tail carries a tag cut between chunks; "<row " (5) never fits in it twice.
      let tail = '';
      for await (const chunk of sheet.stream() as AsyncIterable<Buffer>) {
        const text = tail + chunk.toString('latin1');
        count += text.match(/<row[ >]/g)?.length ?? 0;
        tail = text.slice(-4);
      }
    }
    return Math.max(0, count - 1);
  } catch {
    return null;
  }
}
