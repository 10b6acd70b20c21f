import { IMPORT_COLUMNS, matchHeaders } from './import-columns';
import { estimateRows, readRows, type RawRow } from './import-file';
import { ImportFailed } from './import-failed';
import { ImportValidator, type ImportActor, type ImportDb } from './import-validator';
import type { ImportFormat, ImportKind, ImportRowErrorDto } from '@lianqiao/contracts';

/** Bad rows kept for the error list; past this they are only counted. */
export const MAX_STORED_ERRORS = 10_000;

export { ImportFailed } from './import-failed';

export interface ValidationInput {
  importId: string;
  kind: ImportKind;
  path: string;
  format: ImportFormat;
  encoding: 'utf-8' | 'gb18030';
  actor: ImportActor;
  batchRows: number;
}

export interface ValidationCounts {
  rows: number;
  staged: number;
  skipped: number;
  errors: number;
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The first pass over a file: the header matched to the kind's columns, then every row checked in
 * batches; while no row has failed, the good ones are staged in import_rows. The counters on the
 * import row move after each batch, so the progress bar follows.
 */
export async function validateFile(
  db: ImportDb,
  input: ValidationInput,
  shouldStop: () => boolean = () => false,
): Promise<ValidationCounts> {
  const progress = (changes: Record<string, unknown>) => updateImport(db, input.importId, changes);
  const estimate = await estimateRows(input.path, input.format);
  if (estimate !== null) await progress({ total_rows: estimate });

  let validator: ImportValidator | null = null;
  let batch: RawRow[] = [];
  const counts = { rows: 0, staged: 0, skipped: 0, errors: 0, stored: 0 };
  const flush = async () => {
    if (!validator || !batch.length) return;
    const result = await validator.validate(batch);
    counts.rows += batch.length;
    counts.skipped += result.skipped;
    if (result.errors.length) await storeErrors(db, input.importId, result.errors, counts);
    if (counts.errors === 0 && result.staged.length) {
      await db.query(
        `INSERT INTO import_rows (import_id, row_no, data) SELECT $1, * FROM unnest($2::int[], $3::jsonb[])`,
        [input.importId, result.staged.map((s) => s.rowNo), result.staged.map((s) => JSON.stringify(s.data))],
      );
      counts.staged += result.staged.length;
    }
    batch = [];
    await progress({ processed_rows: counts.rows, error_count: counts.errors });
    if (shouldStop()) throw new ImportFailed('服务停止，导入中断，未写入任何数据');
    await nextTick();
  };
  for await (const row of readRows(input.path, input.format, input.encoding)) {
    if (!validator) {
      const headers = row.cells.map((c) => (c === null ? '' : String(c).trim()));
      const columns = matchHeaders(input.kind, headers);
      const missing = IMPORT_COLUMNS[input.kind].filter(
        (c) => c.required && !columns.some((m) => m?.field === c.field),
      );
      if (missing.length) {
        await storeErrors(
          db,
          input.importId,
          missing.map((c) => ({ row: row.number, column: c.header, message: '缺少必填列' })),
          counts,
        );
        await progress({ error_count: counts.errors });
        throw new ImportFailed(`缺少必填列：${missing.map((c) => c.header).join('、')}。请使用导入模板`);
      }
      validator = new ImportValidator(db, input.kind, columns, headers, input.actor);
      await validator.init();
      continue;
    }
    if (row.cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''))) continue;
    batch.push(row);
    if (batch.length >= input.batchRows) await flush();
  }
  await flush();
  if (!validator) throw new ImportFailed('文件中没有表头行');
  if (counts.rows === 0) throw new ImportFailed('文件中没有数据行');
  await progress({ total_rows: counts.rows, processed_rows: counts.rows, error_count: counts.errors });
  // Fresh statistics, or the planner takes this import's rows for a handful and loops over them.
  if (counts.staged > 0) await db.query(`ANALYZE import_rows`);
  return { rows: counts.rows, staged: counts.staged, skipped: counts.skipped, errors: counts.errors };
}

async function storeErrors(
  db: ImportDb,
  importId: string,
  errors: ImportRowErrorDto[],
  counts: { errors: number; stored: number },
): Promise<void> {
  counts.errors += errors.length;
  const kept = errors.slice(0, Math.max(0, MAX_STORED_ERRORS - counts.stored));
  counts.stored += kept.length;
  if (!kept.length) return;
  await db.query(
    `INSERT INTO import_errors (import_id, "row", "column", message) SELECT $1, * FROM unnest($2::int[], $3::varchar[], $4::varchar[])`,
    [
      importId,
      kept.map((e) => e.row),
      kept.map((e) => e.column.slice(0, 100)),
      kept.map((e) => e.message.slice(0, 500)),
    ],
  );
}

/** Sets counters (snake_case columns) on the import row; updated_at is the heartbeat. */
export async function updateImport(db: ImportDb, id: string, changes: Record<string, unknown>): Promise<void> {
  const columns = Object.keys(changes);
  await db.query(
    `UPDATE imports SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`,
    [id, ...columns.map((c) => changes[c])],
  );
}
