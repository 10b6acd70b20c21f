import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  IMPORT_KIND_LABELS,
  IMPORT_KINDS,
  type ImportFormat,
  type ImportKind,
  type ImportRowErrorDto,
} from '@lianqiao/contracts';
import type { FastifyRequest } from 'fastify';
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { seesAllTeams, type AuthUser } from '../../common/auth/auth-user';
import { ApiError } from '../../common/errors/api-error';
import { JobsService } from '../../common/jobs/jobs.service';
import { databaseConfig, type DatabaseConfig } from '../../config/database.config';
import { csvLine } from '../exports/table-writer';
import { NotificationsService, type NotifyInput } from '../notifications/notifications.service';
import { ImportListQueryDto } from './dto/import.dto';
import { ImportError } from './import-error.entity';
import { sniffFormat } from './import-file';
import { ImportJob } from './import-job.entity';
import { fetchUpload, scratchDir, scratchPath, storeUpload, sweepScratch } from './import-storage';
import { ImportFailed, MAX_STORED_ERRORS, updateImport, type ValidationCounts } from './import-validation';
import type { ImportActor } from './import-validator';
import type { WorkerInput, WorkerResult } from './import-worker';
import { ImportWriter } from './import-writer';
import { importsConfig, type ImportsConfig } from './imports.config';
import { uploadFieldValue, uploadFileName, uploadRefusal } from '../../common/http/upload';

/** The job engine's queue of imports: the job's id is the import's. */
const QUEUE = 'import';
/** The session lock an instance holds while it works on an import: free means nobody does (its instance died). */
const RUNNING_LOCK = `hashtextextended('lianqiao:import:' || $1::text, 0)`;
/** A job this young may not have taken its lock yet. */
const LOCK_GRACE_MS = 10_000;
/** How often some instance looks for imports whose instance died (and for scratch files to remove). */
const SETTLE_EVERY_SECONDS = 60;
/** At start, how often and how many times to look again while an import's instance may just have died. */
const START_SETTLE_EVERY_MS = 2_000;
const START_SETTLE_PASSES = 15;
const INTERRUPTED = '导入中断（服务在处理时停止），未写入任何数据，请重新上传';
const WRITE_BATCH = 5000;
const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Upload {
  path: string;
  format: ImportFormat;
  encoding: 'utf-8' | 'gb18030';
}

/** What an import's job carries: the rest is in its imports row and its stored file. */
interface ImportJobData {
  importId: string;
  encoding: 'utf-8' | 'gb18030';
  actor: ImportActor;
}

/**
 * Imports: the upload is stored in the database with its import row and a job for the job engine
 * (one transaction) and answered at once (202); whichever instance takes the job does the work,
 * one import at a time per instance. First every row is checked and the good ones staged in
 * import_rows; any bad row fails the import with nothing written. Then everything is written in
 * one transaction, in batches, with the counters readable throughout.
 *
 * An instance that dies mid-import (kill -9, out of memory) leaves its job `active` and its import
 * `validating` or `writing`, but its session lock goes with its connections: at the next start, and
 * every minute on some instance, such imports are failed (the write's transaction died with the
 * instance, so nothing is half-written), their staged rows and stored file deleted, their scratch
 * files removed, and the uploader notified. They are not re-run: the user sees what happened and
 * uploads again, and a file that kills the server cannot kill every instance in turn.
 */
@Injectable()
export class ImportsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ImportsService.name);
  /** The import this instance is working on. */
  private current: Promise<void> | null = null;
  private closing = false;
  /** Follow-up settling passes after a start that found an import whose instance may just have died. */
  private settlingAgain: Promise<void> | undefined;
  private child: ChildProcess | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(importsConfig.KEY) private readonly config: ImportsConfig,
    @Inject(databaseConfig.KEY) private readonly database: DatabaseConfig,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.work<ImportJobData>(QUEUE, (job) => this.runJob(job));
    // Whatever a crash left (of this instance or another), first thing; then every minute on one of them.
    await this.settleAtStart();
    await this.jobs.every('imports-settle', SETTLE_EVERY_SECONDS, async () => {
      await this.settleAbandoned();
    });
  }

  /**
   * Right after a crash the dead instance's session may still hold an import's lock for a moment
   * (PostgreSQL notices the client is gone within a second), or its job may be inside the grace:
   * while some import waits so, look again every few seconds for a while (in the background: a
   * live instance's import must not hold up this start) rather than leave it to the minute's pass.
   */
  private async settleAtStart(): Promise<void> {
    const settleOnce = () =>
      this.settleAbandoned().catch((error: unknown) => {
        this.logger.error({ err: error }, 'settling imports cut short by a stopped instance failed');
        return { waiting: 0 };
      });
    if ((await settleOnce()).waiting === 0) return;
    this.settlingAgain = (async () => {
      for (let pass = 1; pass < START_SETTLE_PASSES && !this.closing; pass++) {
        await new Promise((resolve) => setTimeout(resolve, START_SETTLE_EVERY_MS).unref());
        if (this.closing || (await settleOnce()).waiting === 0) return;
      }
    })();
  }

  /** SIGTERM: the running import stops at its next batch and fails with nothing written (its transaction rolls back). */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    this.child?.send({ stop: true });
    await this.current?.catch(() => undefined);
    await this.settlingAgain;
  }

  /** Reads the multipart upload (fields `kind` and `file`, any order) to a temporary file and starts the import. */
  async upload(user: AuthUser, request: FastifyRequest, queryKind: ImportKind | undefined): Promise<ImportJob> {
    if (!request.isMultipart()) throw ApiError.field('file', '请以 multipart/form-data 上传，文件字段名 file');
    const id = randomUUID();
    const path = scratchPath(await scratchDir(), id, 'upload');
    let kind: string | undefined = queryKind;
    let fileName: string | null = null;
    try {
      try {
        for await (const part of request.parts({ limits: { fileSize: this.config.maxBytes, files: 1, fields: 5 } })) {
          if (part.type === 'file') {
            fileName = uploadFileName(part.filename, 'upload');
            await pipeline(part.file, createWriteStream(path));
            if (part.file.truncated) throw this.tooLarge();
          } else if (part.fieldname === 'kind') {
            kind = uploadFieldValue(part.value, 'kind');
          }
        }
      } catch (error) {
        throw uploadRefusal(error, () => this.tooLarge());
      }
      if (!kind || !(IMPORT_KINDS as readonly string[]).includes(kind)) {
        throw ApiError.field('kind', `请指定导入类型：${IMPORT_KINDS.join(', ')}`);
      }
      if (!fileName) throw ApiError.field('file', '请选择要导入的文件');
      const sniffed = await sniffFormat(path, fileName);
      if ('error' in sniffed) throw ApiError.field('file', sniffed.error);
      const actor: ImportActor = { id: user.id, displayName: user.displayName, role: user.role, teamId: user.teamId };
      const data: ImportJobData = { importId: id, encoding: sniffed.encoding, actor };
      // The row, the file and the job commit together: no job without its file, no file without its row.
      const saved = await this.dataSource.transaction(async (manager) => {
        const job = await manager.getRepository(ImportJob).save({
          id,
          kind: kind as ImportKind,
          format: sniffed.format,
          fileName: fileName!.slice(0, 255),
          createdById: user.id,
          teamId: user.teamId,
          status: 'validating',
        });
        await storeUpload(manager, id, path);
        await this.jobs.send(QUEUE, data, {
          id,
          retryLimit: 0,
          // A backstop only: a live instance holds the import's lock however long it takes, a dead one is found by settleAbandoned.
          expireInSeconds: 6 * 3600,
          db: { executeSql: async (text, values) => ({ rows: await manager.query(text, values) }) },
        });
        return job;
      });
      this.jobs.wake(QUEUE);
      return saved;
    } finally {
      await rm(path, { force: true });
    }
  }

  async list(user: AuthUser, query: ImportListQueryDto): Promise<ImportJob[]> {
    const qb = this.dataSource
      .getRepository(ImportJob)
      .createQueryBuilder('job')
      .orderBy('job.created_at', 'DESC')
      .take(query.limit ?? 50);
    if (!seesAllTeams(user)) qb.andWhere('job.created_by_id = :me', { me: user.id });
    if (query.kind) qb.andWhere('job.kind = :kind', { kind: query.kind });
    return qb.getMany();
  }

  /** The import with its first 100 bad rows; someone else's (unless a leader asks) is 404. */
  async get(user: AuthUser, id: string): Promise<{ job: ImportJob; errors: ImportRowErrorDto[] }> {
    const repo = this.dataSource.getRepository(ImportJob);
    const job = await repo.findOneBy({ id });
    if (!job || (!seesAllTeams(user) && job.createdById !== user.id)) throw ApiError.notFound('导入记录');
    return { job, errors: await this.errors(id, 100) };
  }

  /** Every stored bad row as CSV: 行号, 列, 问题. */
  async errorsCsv(user: AuthUser, id: string): Promise<string> {
    const { job } = await this.get(user, id);
    const rows = await this.errors(id, MAX_STORED_ERRORS);
    const lines = [csvLine(['行号', '列', '问题']), ...rows.map((e) => csvLine([e.row, e.column, e.message]))];
    if (job.errorCount > rows.length)
      lines.push(csvLine([null, null, `另有 ${job.errorCount - rows.length} 处错误未列出，请先改正以上错误`]));
    return `\uFEFF${lines.join('')}`;
  }

  private errors(id: string, limit: number): Promise<ImportRowErrorDto[]> {
    return this.dataSource
      .getRepository(ImportError)
      .createQueryBuilder('e')
      .select(['e.row', 'e.column', 'e.message'])
      .where('e.import_id = :id', { id })
      .orderBy('e.row', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .take(limit)
      .getMany()
      .then((rows) => rows.map((e) => ({ row: e.row, column: e.column, message: e.message })));
  }

  private tooLarge(): ApiError {
    return ApiError.tooLarge(
      'file',
      `文件过大：最大 ${Math.round(this.config.maxBytes / 1024 / 1024)} MB (file too large)`,
      this.config.maxBytes,
    );
  }

  // —— the work ——

  private async runJob(job: PgBoss.JobWithMetadata<ImportJobData>): Promise<void> {
    const run = this.run(job.data);
    this.current = run;
    try {
      await run;
    } finally {
      this.current = null;
    }
  }

  private async run({ importId, encoding, actor }: ImportJobData): Promise<void> {
    const started = Date.now();
    const path = scratchPath(await scratchDir(), importId, 'work');
    // Held on a connection of its own for the whole run: if this process dies, PostgreSQL lets go of it.
    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    let job: ImportJob | null = null;
    try {
      await lock.query(`SELECT pg_advisory_lock(${RUNNING_LOCK})`, [importId]);
      job = await this.dataSource.getRepository(ImportJob).findOneBy({ id: importId });
      if (!job || job.status !== 'validating') return; // settled while it waited
      if (this.closing) throw new ImportFailed('服务停止，导入中断，未写入任何数据，请重新上传');
      const stored = await fetchUpload((sql, params) => this.dataSource.query(sql, params), importId, path);
      if (!stored) throw new ImportFailed(INTERRUPTED);
      await this.dataSource.query(`DELETE FROM import_files WHERE import_id = $1`, [importId]);
      const checked = await this.validateInChild(job, { path, format: job.format, encoding }, actor);
      await rm(path, { force: true });
      if (checked.errors > 0) {
        throw new ImportFailed(`${checked.errors} 处错误，未导入任何数据。请下载错误清单改正后重新导入`);
      }
      if (this.closing) throw new ImportFailed('服务停止，导入中断，未写入任何数据');
      await this.write(job, actor, checked);
      this.logger.log(
        `import ${job.id} (${job.kind}, ${checked.rows} rows) done in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    } catch (error) {
      const message =
        error instanceof ImportFailed ? error.message : `导入失败，未写入任何数据：${(error as Error).message}`;
      if (!(error instanceof ImportFailed)) this.logger.error(`import ${importId} failed: ${(error as Error).stack}`);
      // Cleaned up before it reads `failed`: whoever sees the outcome sees nothing of the import left.
      await this.discard(importId);
      await this.progress(importId, { status: 'failed', message, finished_at: new Date() }).catch(() => undefined);
      if (job)
        await this.notifications
          .notify(this.dataSource.manager, this.finished(job, `导入失败：${job.fileName}`, message))
          .catch(() => undefined);
    } finally {
      await rm(path, { force: true });
      await this.discard(importId); // whatever else ended the run (settled while it waited)
      await lock.query(`SELECT pg_advisory_unlock(${RUNNING_LOCK})`, [importId]).catch(() => undefined);
      await lock.release();
    }
  }

  /** Deletes an import's staged rows and stored file. Fails only with the database gone: then so does the status update, and settleAbandoned finishes it. */
  private async discard(importId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM import_rows WHERE import_id = $1`, [importId]).catch(() => undefined);
    await this.dataSource.query(`DELETE FROM import_files WHERE import_id = $1`, [importId]).catch(() => undefined);
  }

  /**
   * Fails every import whose instance died while working on it (its lock is free although its job
   * started), with nothing written: deletes its staged rows and stored file, tells its uploader,
   * fails its job; then removes this machine's scratch files of imports that have ended. Returns
   * how many imports it settled.
   */
  async settleAbandoned(): Promise<{ settled: number; waiting: number }> {
    const open: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM imports WHERE status IN ('validating', 'writing') ORDER BY created_at LIMIT 100`,
    );
    let settled = 0;
    /** Taken by an instance but not settled: it may be dead and not yet seen to be. */
    let waiting = 0;
    for (const { id } of open) {
      const job = await this.jobs.job<ImportJobData>(QUEUE, id);
      // Still queued: an instance will take it. Just taken: its runner is about to lock it.
      if (job && (job.state === 'created' || job.state === 'retry')) continue;
      if (job?.state === 'active' && Date.now() - new Date(job.startedOn).getTime() < LOCK_GRACE_MS) {
        waiting++;
        continue;
      }
      const failed = await this.dataSource.transaction(async (manager) => {
        const [{ free }] = await manager.query(`SELECT pg_try_advisory_xact_lock(${RUNNING_LOCK}) AS free`, [id]);
        if (!free) return null; // a live instance is working on it
        // An UPDATE … RETURNING answers [rows, count] through TypeORM.
        const [[row]] = (await manager.query(
          `UPDATE imports SET status = 'failed', message = $2, finished_at = now(), updated_at = now()
              WHERE id = $1 AND status IN ('validating', 'writing')
          RETURNING id, kind, file_name, created_by_id`,
          [id, INTERRUPTED],
        )) as [Array<{ id: string; kind: ImportKind; file_name: string; created_by_id: string }>, number];
        if (!row) return null;
        await manager.query(`DELETE FROM import_rows WHERE import_id = $1`, [id]);
        await manager.query(`DELETE FROM import_files WHERE import_id = $1`, [id]);
        await this.notifications.notify(manager, {
          userId: row.created_by_id,
          kind: 'import_finished',
          title: `导入中断：${row.file_name}`,
          body: INTERRUPTED,
          link: `/imports?kind=${row.kind}&import=${row.id}`,
        });
        return row;
      });
      if (!failed) {
        waiting++;
        continue;
      }
      settled++;
      this.logger.warn(`import ${id} was cut short by a stopped instance: failed, nothing written`);
      if (job?.state === 'active') await this.jobs.fail(QUEUE, id, 'its instance stopped').catch(() => undefined);
    }
    await sweepScratch(async (ids) => {
      const rows: Array<{ id: string; status: string }> = await this.dataSource.query(
        `SELECT id, status FROM imports WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      return {
        known: new Set(rows.map((r) => r.id)),
        ended: new Set(rows.filter((r) => r.status === 'done' || r.status === 'failed').map((r) => r.id)),
      };
    }, 10 * 60_000);
    return { settled, waiting };
  }

  /**
   * The first pass, in a child process with a heap of its own (see import-worker.ts). Stopping the
   * API asks it to stop; whatever ends it — its heap exhausted, a V8 abort, a kill — fails the
   * import with a message for the user, and the API goes on.
   */
  private validateInChild(job: ImportJob, upload: Upload, actor: ImportActor): Promise<ValidationCounts> {
    const input: WorkerInput = {
      importId: job.id,
      kind: job.kind,
      path: upload.path,
      format: upload.format,
      encoding: upload.encoding,
      actor,
      batchRows: this.config.batchRows,
      databaseUrl: this.database.url,
    };
    const script = join(__dirname, `import-worker${extname(__filename)}`);
    const child = fork(script, [], {
      // Under ts (dev, tests) the child compiles its TypeScript the way the API's process does.
      execArgv: [
        ...(__filename.endsWith('.ts') ? ['-r', '@swc-node/register'] : []),
        `--max-old-space-size=${this.config.workerHeapMb}`,
        '--max-semi-space-size=16',
      ],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child = child;
    // The tail of its stderr says why it died (V8 writes "heap out of memory" there before it aborts).
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    return new Promise<ValidationCounts>((resolve, reject) => {
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        this.child = null;
        fn();
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      };
      child.on('message', (result: WorkerResult) =>
        settle(() =>
          result.ok
            ? resolve(result.counts)
            : reject(result.forUser ? new ImportFailed(result.message) : new Error(result.message)),
        ),
      );
      child.on('error', (error) => settle(() => reject(error)));
      child.on('exit', (code, signal) =>
        settle(() => {
          this.logger.warn(`import ${job.id}: the checking process ended (${signal ?? code}): ${stderr.trim()}`);
          reject(
            new ImportFailed(
              /out of memory|invalid size|allocation failed/i.test(stderr)
                ? '文件过于复杂，校验时内存不足，未导入任何数据。请检查文件或拆分后分批导入'
                : '校验进程意外退出，未导入任何数据，请重新上传',
            ),
          );
        }),
      );
      child.send({ input });
    });
  }

  /** The second pass: one transaction, batches of multi-row inserts, counters updated from outside it. */
  private async write(job: ImportJob, actor: ImportActor, checked: { staged: number; skipped: number }): Promise<void> {
    await this.progress(job.id, { status: 'writing', processed_rows: 0 });
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const writer = new ImportWriter(runner, job.kind, job.id, actor);
      const companiesCreated = await writer.prepare();
      let after = 0;
      let written = 0;
      let created = 0;
      for (;;) {
        const step = await writer.batch(after, WRITE_BATCH);
        if (!step.rows || step.last === null) break;
        written += step.rows;
        created += step.created;
        after = step.last;
        await this.progress(job.id, { processed_rows: written });
        if (this.closing) throw new ImportFailed('服务停止，导入中断，未写入任何数据');
        await nextTick();
      }
      await this.notifications.notify(
        runner.manager,
        this.finished(
          job,
          `导入完成：${job.fileName}`,
          `新增 ${created} 条${IMPORT_KIND_LABELS[job.kind]}${companiesCreated ? `，新建企业 ${companiesCreated} 家` : ''}`,
        ),
      );
      // Gone with the commit that writes the records, so a `done` import has no staged rows left.
      await runner.query(`DELETE FROM import_rows WHERE import_id = $1`, [job.id]);
      await runner.commitTransaction();
      await this.progress(job.id, {
        status: 'done',
        processed_rows: written,
        created_count: created,
        skipped_count: checked.skipped + (checked.staged - created),
        companies_created: companiesCreated,
        finished_at: new Date(),
      });
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** Whoever uploaded the file hears how it ended, with a link back to the import's outcome. */
  private finished(job: ImportJob, title: string, body: string): NotifyInput {
    return {
      userId: job.createdById,
      kind: 'import_finished',
      title,
      body,
      link: `/imports?kind=${job.kind}&import=${job.id}`,
    };
  }

  private progress(id: string, changes: Record<string, unknown>): Promise<void> {
    return updateImport(this.dataSource, id, changes);
  }
}
