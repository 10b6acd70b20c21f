/**
 * The validation pass of one import, in a child process (see ImportsService.validateInChild):
 * parsing and checking hundreds of thousands of rows happens on its own event loop and its own
 * small heap (--max-old-space-size), so the API keeps answering and its memory does not swell with
 * the file's garbage — and whatever a file does to V8 (a heap exhausted, a fatal "invalid size"
 * abort, which no worker thread's resourceLimits can contain) ends this process, never the API.
 * It speaks to PostgreSQL through a connection of its own and reports its counts (or failure).
 */
import { Client } from 'pg';
import { ImportFailed } from './import-failed';
import { validateFile, type ValidationCounts, type ValidationInput } from './import-validation';
import type { ImportDb } from './import-validator';

export interface WorkerInput extends ValidationInput {
  databaseUrl: string;
}

export type WorkerResult = { ok: true; counts: ValidationCounts } | { ok: false; message: string; forUser: boolean };

let stop = false;

async function main(input: WorkerInput): Promise<WorkerResult> {
  const client = new Client({ connectionString: input.databaseUrl, application_name: 'lianqiao-import' });
  await client.connect();
  const db: ImportDb = {
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
  };
  try {
    return { ok: true, counts: await validateFile(db, input, () => stop) };
  } catch (error) {
    return { ok: false, message: (error as Error).message, forUser: error instanceof ImportFailed };
  } finally {
    await client.end().catch(() => undefined);
  }
}

if (process.send) {
  // The API went away (killed, crashed): stop at once, so no orphan keeps staging rows for an import nobody will write.
  process.on('disconnect', () => process.exit(1));
  process.on('message', (message: { input?: WorkerInput; stop?: boolean }) => {
    if (message.stop) stop = true;
    if (message.input)
      void main(message.input).then(
        (result) => process.send?.(result, () => process.exit(0)),
        (error: unknown) =>
          process.send?.({ ok: false, message: (error as Error).message, forUser: false }, () => process.exit(0)),
      );
  });
}
