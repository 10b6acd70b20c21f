import type { Logger } from '@nestjs/common';
import type { QueryRunner } from 'typeorm';

/**
 * Ends an export's read transaction and gives its connection back. Exports call it as soon as the
 * last rows are read, before the file's end is written, so that a client holding the whole file
 * knows the server is done with the database; and again, harmlessly, when an export stops early.
 * It never throws: the export runs on after its response began, with nobody left to catch an
 * error, and a transaction whose connection is gone has been rolled back by the server already.
 */
export async function endExportTransaction(runner: QueryRunner, logger: Logger): Promise<void> {
  try {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
  } catch (error) {
    logger.warn(`export transaction not ended cleanly: ${(error as Error).message}`);
  } finally {
    await runner.release();
  }
}
