/**
 * The validation pass of one import, in a worker thread: parsing and checking hundreds of thousands
 * of rows happens on its own event loop and its own small heap (capped by resourceLimits), so the
 * API's thread keeps answering and its memory does not swell with the file's garbage. It speaks to
 * PostgreSQL through a connection of its own and reports its counts (or failure) to the parent.
 */
import { Client } from 'pg';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { ImportFailed, validateFile, type ValidationCounts, type ValidationInput } from './import-validation';
import type { ImportDb } from './import-validator';

export interface WorkerInput extends ValidationInput {
  databaseUrl: string;
}

export type WorkerResult = { ok: true; counts: ValidationCounts } | { ok: false; message: string; forUser: boolean };

async function main(input: WorkerInput): Promise<WorkerResult> {
  const client = new Client({ connectionString: input.databaseUrl, application_name: 'lianqiao-import' });
  await client.connect();
  const db: ImportDb = {
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
  };
  let stop = false;
  parentPort?.on('message', (message: unknown) => {
    if (message === 'stop') stop = true;
  });
  try {
    return { ok: true, counts: await validateFile(db, input, () => stop) };
  } catch (error) {
    return { ok: false, message: (error as Error).message, forUser: error instanceof ImportFailed };
  } finally {
    await client.end().catch(() => undefined);
  }
}

if (!isMainThread && parentPort) {
  // Even a failure before validation (the connection) reaches the parent as this import's outcome.
  void main(workerData as WorkerInput)
    .catch((error: unknown): WorkerResult => ({ ok: false, message: (error as Error).message, forUser: false }))
    .then((result) => parentPort!.postMessage(result));
}
