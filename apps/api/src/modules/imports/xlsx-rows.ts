import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import * as unzipper from 'unzipper';
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS, ImportFailed, MAX_READ_COLUMNS, UNREADABLE } from './import-failed';
import type { RawCell, RawRow } from './import-file';

/**
 * Rows of an .xlsx's first worksheet, streamed: the zip's directory is read, shared strings and
 * the date styles are loaded, then the sheet's XML is parsed as it inflates. exceljs' own streaming
 * reader decodes each inflated chunk separately and so garbles a Chinese character cut between two
 * chunks (a few rows in every ten thousand); here a StringDecoder carries the cut bytes over.
 */
export async function* xlsxRows(path: string): AsyncGenerator<RawRow> {
  try {
    yield* readWorkbook(path);
  } catch (error) {
    // unzipper and saxes speak in codes (FILE_ENDED, "Unexpected end"): the user hears that the file is unreadable.
    throw error instanceof ImportFailed ? error : new ImportFailed(UNREADABLE);
  }
}

async function* readWorkbook(path: string): AsyncGenerator<RawRow> {
  const directory = await unzipper.Open.file(path);
  const entry = (name: string) => directory.files.find((f) => f.path === name || f.path === `/${name}`);
  const sheetPath = await firstSheetPath(entry);
  const sheet = sheetPath ? entry(sheetPath) : undefined;
  if (!sheet) throw new ImportFailed('无法读取文件：工作簿中没有工作表 (the file could not be read)');
  const sharedEntry = entry('xl/sharedStrings.xml');
  const stylesEntry = entry('xl/styles.xml');
  const shared = sharedEntry ? await sharedStrings(sharedEntry.stream()) : [];
  const dateStyles = stylesEntry ? await dateStyleIndexes(stylesEntry.stream()) : new Set<number>();
  yield* sheetRows(sheet.stream(), shared, dateStyles);
}

type SaxEvent = { type: 'open'; tag: SaxesTagPlain } | { type: 'text'; text: string } | { type: 'close'; name: string };

/** SAX events of an XML stream, a chunk's worth at a time, with multi-byte characters kept whole. */
async function* saxEvents(stream: Readable): AsyncGenerator<SaxEvent[]> {
  const parser = new SaxesParser();
  const decoder = new StringDecoder('utf8');
  let events: SaxEvent[] = [];
  let failure: Error | null = null;
  parser.on('error', (error) => (failure = error));
  parser.on('opentag', (tag) => events.push({ type: 'open', tag: tag as SaxesTagPlain }));
  parser.on('text', (text) => events.push({ type: 'text', text }));
  parser.on('closetag', (tag) => events.push({ type: 'close', name: tag.name }));
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    parser.write(decoder.write(chunk));
    if (failure) throw failure;
    yield events;
    events = [];
  }
  parser.write(decoder.end());
  parser.close();
  if (failure) throw failure;
  yield events;
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

async function readAll(stream: Readable): Promise<string> {
  const decoder = new StringDecoder('utf8');
  let text = '';
  for await (const chunk of stream as AsyncIterable<Buffer>) text += decoder.write(chunk);
  return text + decoder.end();
}

/** The first sheet in the workbook's order (workbook.xml and its relationships), else the lowest-numbered one. */
async function firstSheetPath(entry: (name: string) => { stream(): Readable } | undefined): Promise<string | null> {
  const workbook = entry('xl/workbook.xml');
  const rels = entry('xl/_rels/workbook.xml.rels');
  if (workbook && rels) {
    const rId = /<(?:\w+:)?sheet\b[^>]*\br:id="([^"]+)"/.exec(await readAll(workbook.stream()))?.[1];
    const relsXml = await readAll(rels.stream());
    const target = rId
      ? (new RegExp(`<Relationship\\b[^>]*\\bId="${rId}"[^>]*\\bTarget="([^"]+)"`).exec(relsXml)?.[1] ??
        new RegExp(`<Relationship\\b[^>]*\\bTarget="([^"]+)"[^>]*\\bId="${rId}"`).exec(relsXml)?.[1])
      : undefined;
    if (target) return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  }
  for (let n = 1; n < 100; n++) if (entry(`xl/worksheets/sheet${n}.xml`)) return `xl/worksheets/sheet${n}.xml`;
  return null;
}

/** The shared strings table: each <si>'s text runs joined (phonetic runs left out). */
async function sharedStrings(stream: Readable): Promise<string[]> {
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let inPhonetic = false;
  for await (const events of saxEvents(stream)) {
    for (const e of events) {
      if (e.type === 'open') {
        const name = local(e.tag.name);
        if (name === 'si') current = '';
        else if (name === 'rPh') inPhonetic = true;
        else if (name === 't') inText = true;
      } else if (e.type === 'text') {
        if (inText && !inPhonetic && current !== null) current += e.text;
      } else {
        const name = local(e.name);
        if (name === 'si') {
          strings.push(current ?? '');
          current = null;
        } else if (name === 'rPh') inPhonetic = false;
        else if (name === 't') inText = false;
      }
    }
  }
  return strings;
}

const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** Which cell style indexes (cellXfs) format numbers as dates. */
async function dateStyleIndexes(stream: Readable): Promise<Set<number>> {
  const xml = await readAll(stream);
  const custom = new Map<number, string>();
  for (const [, id, code] of xml.matchAll(/<(?:\w+:)?numFmt\b[^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"/g))
    custom.set(Number(id), code);
  const isDate = (id: number) => {
    if (BUILT_IN_DATE_FORMATS.has(id)) return true;
    const code = custom.get(id);
    return !!code && /[ymdh]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
  };
  const out = new Set<number>();
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  let index = 0;
  for (const [, attributes] of cellXfs.matchAll(/<(?:\w+:)?xf\b([^>]*)/g)) {
    const id = /numFmtId="(\d+)"/.exec(attributes)?.[1];
    if (id && isDate(Number(id))) out.add(index);
    index++;
  }
  return out;
}

/** "AB12" → 27 (0-based column index); a reference past Excel's last column (XFD) fails the file. */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
    if (n > EXCEL_MAX_COLUMNS) throw outOfRange(ref);
  }
  return n - 1;
}

const outOfRange = (ref: string) =>
  new ImportFailed(
    `无法读取文件：单元格 ${ref.slice(0, 20)} 超出 Excel 的范围（最多 ${EXCEL_MAX_COLUMNS} 列、${EXCEL_MAX_ROWS} 行），文件已损坏 (the file could not be read)`,
  );

async function* sheetRows(stream: Readable, shared: string[], dateStyles: Set<number>): AsyncGenerator<RawRow> {
  let rowNumber = 0;
  let cells: RawCell[] = [];
  let cell: { index: number; type: string; style: number; text: string } | null = null;
  let nextIndex = 0;
  let collect = false;
  for await (const events of saxEvents(stream)) {
    const ready: RawRow[] = [];
    for (const e of events) {
      if (e.type === 'open') {
        const name = local(e.tag.name);
        const attributes = e.tag.attributes as Record<string, string>;
        if (name === 'row') {
          rowNumber = attributes.r ? Number(attributes.r) : rowNumber + 1;
          if (!Number.isInteger(rowNumber) || rowNumber < 1 || rowNumber > EXCEL_MAX_ROWS)
            throw outOfRange(`row ${attributes.r ?? rowNumber}`);
          cells = [];
          nextIndex = 0;
        } else if (name === 'c') {
          const index = attributes.r ? columnIndex(attributes.r) : nextIndex;
          if (index >= EXCEL_MAX_COLUMNS) throw outOfRange(`${rowNumber}:${index + 1}`);
          cell = { index, type: attributes.t ?? 'n', style: attributes.s ? Number(attributes.s) : 0, text: '' };
        } else if (cell && (name === 'v' || name === 't')) {
          collect = true;
        }
      } else if (e.type === 'text') {
        if (collect && cell) cell.text += e.text;
      } else {
        const name = local(e.name);
        if (name === 'v' || name === 't') collect = false;
        else if (name === 'c' && cell) {
          if (cell.index < MAX_READ_COLUMNS) cells[cell.index] = cellValue(cell, shared, dateStyles);
          nextIndex = cell.index + 1;
          cell = null;
        } else if (name === 'row') {
          for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
          ready.push({ number: rowNumber, cells });
        }
      }
    }
    yield* ready;
  }
}

function cellValue(
  cell: { type: string; style: number; text: string },
  shared: string[],
  dateStyles: Set<number>,
): RawCell {
  const text = cell.text;
  switch (cell.type) {
    case 's':
      return shared[Number(text)] ?? null;
    case 'inlineStr':
    case 'str':
      return text === '' ? null : text;
    case 'b':
      return text === '1';
    case 'e':
      return null;
    case 'd':
      return text ? new Date(text) : null;
    default: {
      if (text === '') return null;
      const n = Number(text);
      if (!Number.isFinite(n)) return text;
      // Excel's serial day 25569 is 1970-01-01; dates carry no time zone, read as UTC.
      return dateStyles.has(cell.style) ? new Date(Math.round((n - 25_569) * 86_400_000)) : n;
    }
  }
}
