import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  IMPORT_KIND_LABELS,
  IMPORT_KINDS,
  type ImportFormat,
  type ImportKind,
  type ImportRowErrorDto,
} from '@lianqiao/contracts';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import { seesAllTeams, type AuthUser } from '../../common/auth/auth-user';
import { ApiError } from '../../common/errors/api-error';
import { databaseConfig, type DatabaseConfig } from '../../config/database.config';
import { csvLine } from '../exports/table-writer';
import { NotificationsService, type NotifyInput } from '../notifications/notifications.service';
import { ImportListQueryDto } from './dto/import.dto';
import { ImportError } from './import-error.entity';
import { sniffFormat } from './import-file';
import { ImportJob } from './import-job.entity';
import { ImportFailed, MAX_STORED_ERRORS, updateImport, type ValidationCounts } from './import-validation';
import type { ImportActor } from './import-validator';
import type { WorkerInput, WorkerResult } from './import-worker';
import { ImportWriter } from './import-writer';
import { importsConfig, type ImportsConfig } from './imports.config';
import { uploadFieldValue, uploadFileName, uploadRefusal } from '../../common/http/upload';

/** An import whose counters have not moved for this long was cut off (its instance stopped). */
const STALE_MS = 10 * 60_000;
const WRITE_BATCH = 5000;
const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Upload {
  path: string;
  fileName: string;
  format: ImportFormat;
  encoding: 'utf-8' | 'gb18030';
}

/**
 * Imports: the upload is saved to a temporary file and answered at once (202); the work goes on
 * in the background, one import at a time per instance. First every row is checked and the good
 * ones staged in import_rows; any bad row fails the import with nothing written. Then everything
 * is written in one transaction, in batches, with the counters readable throughout.
 */
@Injectable()
export class ImportsService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ImportsService.name);
  private queue: Promise<void> = Promise.resolve();
  private closing = false;
  private worker: Worker | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(importsConfig.KEY) private readonly config: ImportsConfig,
    @Inject(databaseConfig.KEY) private readonly database: DatabaseConfig,
    private readonly notifications: NotificationsService,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    this.worker?.postMessage('stop');
    await this.queue;
  }

  /** Reads the multipart upload (fields `kind` and `file`, any order) to a temporary file and starts the import. */
  async upload(user: AuthUser, request: FastifyRequest, queryKind: ImportKind | undefined): Promise<ImportJob> {
    if (!request.isMultipart()) throw ApiError.field('file', '请以 multipart/form-data 上传，文件字段名 file');
    const dir = join(tmpdir(), 'lianqiao-imports');
    await mkdir(dir, { recursive: true });
    const path = join(dir, `${randomUUID()}.upload`);
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
      const job = await this.dataSource.getRepository(ImportJob).save({
        kind: kind as ImportKind,
        format: sniffed.format,
        fileName: fileName.slice(0, 255),
        createdById: user.id,
        teamId: user.teamId,
        status: 'validating',
      });
      const upload: Upload = { path, fileName, format: sniffed.format, encoding: sniffed.encoding };
      const actor: ImportActor = { id: user.id, displayName: user.displayName, role: user.role, teamId: user.teamId };
      this.queue = this.queue.then(() => this.run(job, upload, actor));
      return job;
    } catch (error) {
      await rm(path, { force: true });
      throw error;
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
    let job = await repo.findOneBy({ id });
    if (!job || (!seesAllTeams(user) && job.createdById !== user.id)) throw ApiError.notFound('导入记录');
    if ((job.status === 'validating' || job.status === 'writing') && Date.now() - job.updatedAt.getTime() > STALE_MS) {
      await repo.update(
        { id, status: job.status },
        { status: 'failed', message: '导入中断（服务重启或停止），未写入任何数据，请重新上传', finishedAt: new Date() },
      );
      job = await repo.findOneByOrFail({ id });
    }
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

  private async run(job: ImportJob, upload: Upload, actor: ImportActor): Promise<void> {
    const started = Date.now();
    try {
      const checked = await this.validateInWorker(job, upload, actor);
      await rm(upload.path, { force: true });
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
      if (!(error instanceof ImportFailed)) this.logger.error(`import ${job.id} failed: ${(error as Error).stack}`);
      await this.progress(job.id, { status: 'failed', message, finished_at: new Date() }).catch(() => undefined);
      await this.notifications
        .notify(this.dataSource.manager, this.finished(job, `导入失败：${job.fileName}`, message))
        .catch(() => undefined);
    } finally {
      await rm(upload.path, { force: true });
      await this.dataSource.query(`DELETE FROM import_rows WHERE import_id = $1`, [job.id]).catch(() => undefined);
    }
  }

  /**
   * The first pass, in a worker thread with a heap of its own (see import-worker.ts). Stopping the
   * API asks it to stop; running out of its heap fails the import, not the API.
   */
  private validateInWorker(job: ImportJob, upload: Upload, actor: ImportActor): Promise<ValidationCounts> {
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
    const worker = new Worker(script, {
      workerData: input,
      // Under ts (dev, tests) the worker compiles its TypeScript the way the API's process does.
      execArgv: __filename.endsWith('.ts') ? ['-r', '@swc-node/register'] : [],
      resourceLimits: { maxOldGenerationSizeMb: this.config.workerHeapMb, maxYoungGenerationSizeMb: 16 },
    });
    this.worker = worker;
    return new Promise<ValidationCounts>((resolve, reject) => {
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        this.worker = null;
        fn();
        void worker.terminate();
      };
      worker.on('message', (result: WorkerResult) =>
        settle(() =>
          result.ok
            ? resolve(result.counts)
            : reject(result.forUser ? new ImportFailed(result.message) : new Error(result.message)),
        ),
      );
      worker.on('error', (error: Error & { code?: string }) =>
        settle(() =>
          reject(
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new ImportFailed('文件过于复杂，校验时内存不足，请拆分后分批导入')
              : error,
          ),
        ),
      );
      worker.on('exit', (code) => settle(() => reject(new Error(`校验进程意外退出（${code}）`))));
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
