import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import type { EntityManager } from 'typeorm';

/** Parts of an upload as stored in import_files. */
const PART_BYTES = 4 * 1024 * 1024;
const FILE_NAME = /^([0-9a-f-]{36})\.(upload|work)$/;

/** This machine's scratch folder for imports: `<id>.upload` while receiving, `<id>.work` while checking. */
export async function scratchDir(): Promise<string> {
  const dir = join(tmpdir(), 'lianqiao-imports');
  await mkdir(dir, { recursive: true });
  return dir;
}

export const scratchPath = (dir: string, id: string, stage: 'upload' | 'work') => join(dir, `${id}.${stage}`);

/** Copies a received upload into import_files, in the caller's transaction. */
export async function storeUpload(manager: EntityManager, importId: string, path: string): Promise<void> {
  let part = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: PART_BYTES }) as AsyncIterable<Buffer>) {
    await manager.query(`INSERT INTO import_files (import_id, part, data) VALUES ($1, $2, $3)`, [
      importId,
      part++,
      chunk,
    ]);
  }
}

/** Writes an import's stored upload to a local file for the parser (which needs a file to seek in). */
export async function fetchUpload(
  query: (sql: string, params: unknown[]) => Promise<Array<{ part: number; data: Buffer }>>,
  importId: string,
  path: string,
): Promise<boolean> {
  const out = createWriteStream(path);
  let found = false;
  try {
    for (let part = 0; ; part++) {
      const [row] = await query(`SELECT part, data FROM import_files WHERE import_id = $1 AND part = $2`, [
        importId,
        part,
      ]);
      if (!row) break;
      found = true;
      if (!out.write(row.data)) await once(out, 'drain');
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return found;
}

/**
 * Scratch files this machine no longer needs: those of imports that have ended, and those of no
 * import at all once they have not changed for `idleMs` (an upload still arriving keeps its file
 * fresh; its import row is made when it has arrived). `ended` answers which ids have ended and
 * which exist at all.
 */
export async function sweepScratch(
  states: (ids: string[]) => Promise<{ ended: Set<string>; known: Set<string> }>,
  idleMs: number,
): Promise<string[]> {
  const dir = await scratchDir();
  const files = (await readdir(dir)).filter((name) => FILE_NAME.test(name));
  if (!files.length) return [];
  const ids = [...new Set(files.map((name) => FILE_NAME.exec(name)![1]))];
  const { ended, known } = await states(ids);
  const removed: string[] = [];
  for (const name of files) {
    const id = FILE_NAME.exec(name)![1];
    const path = join(dir, name);
    const idle = await stat(path).then(
      (s) => Date.now() - s.mtimeMs > idleMs,
      () => false,
    );
    if (ended.has(id) || (!known.has(id) && idle)) {
      await rm(path, { force: true });
      removed.push(name);
    }
  }
  return removed;
}
