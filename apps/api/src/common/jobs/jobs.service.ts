import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { databaseConfig, type DatabaseConfig } from '../../config/database.config';

export type JobHandler<T extends object> = (job: PgBoss.JobWithMetadata<T>) => Promise<void>;

/**
 * pg-boss's create_queue adds a partition with foreign keys to its queue table: two instances
 * creating queues at the same moment deadlock on that table's locks (seen with two instances
 * started together). Queue creation is serialized across instances under this advisory lock.
 */
const QUEUE_LOCK = `hashtext('lianqiao:pgboss-create-queue')`;

/** How long pg-boss waits for running handlers when the app stops, within the 10 s an instance has to stop. */
const STOP_TIMEOUT_MS = 5000;

/**
 * The job engine: pg-boss on the app's own PostgreSQL (schema `pgboss`, created and migrated by
 * pg-boss itself at start under its advisory lock, so instances starting together do not race).
 * Jobs live in the database, so any instance may run any of them, each exactly once (SKIP LOCKED);
 * a job its instance never finished stays visible (state `active`) for whoever settles it.
 *
 * Feature modules register their work in onApplicationBootstrap — `work()` for queues they send
 * to, `every()` for periodic jobs — after this service has started pg-boss in onModuleInit.
 */
@Injectable()
export class JobsService implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(JobsService.name);
  private readonly boss: PgBoss;
  /** This instance's worker of each queue it works. */
  private readonly workers = new Map<string, string>();

  constructor(
    @Inject(databaseConfig.KEY) database: DatabaseConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.boss = new PgBoss({
      connectionString: database.url,
      application_name: 'lianqiao-jobs',
      max: 4,
      // Periodic jobs use throttled slots (every()), not cron: no need for pg-boss's cron clock.
      schedule: false,
    });
    this.boss.on('error', (error) => this.logger.error({ err: error }, 'job engine error'));
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
  }

  /** Stop fetching new jobs as soon as the app begins to stop; running ones finish (or see their service's stop flag). */
  async beforeApplicationShutdown(): Promise<void> {
    for (const name of this.workers.keys()) await this.boss.offWork(name);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: STOP_TIMEOUT_MS });
  }

  /** Runs `handler` for each job of queue `name`, one at a time on this instance. A throw fails the job. */
  async work<T extends object>(name: string, handler: JobHandler<T>, pollingIntervalSeconds = 2): Promise<void> {
    await this.createQueue(name);
    const id = await this.boss.work<T>(
      name,
      { includeMetadata: true, batchSize: 1, pollingIntervalSeconds },
      async ([job]) => handler(job),
    );
    this.workers.set(name, id);
  }

  private async createQueue(name: string): Promise<void> {
    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      await lock.query(`SELECT pg_advisory_lock(${QUEUE_LOCK})`);
      await this.boss.createQueue(name);
    } finally {
      await lock.query(`SELECT pg_advisory_unlock(${QUEUE_LOCK})`).catch(() => undefined);
      await lock.release();
    }
  }

  /** Asks this instance's worker of `name` to look for jobs now instead of at its next poll (a job was just sent). */
  wake(name: string): void {
    const id = this.workers.get(name);
    if (id) this.boss.notifyWorker(id);
  }

  send<T extends object>(name: string, data: T, options: PgBoss.SendOptions = {}): Promise<string | null> {
    return this.boss.send(name, data, options);
  }

  job<T extends object>(name: string, id: string): Promise<PgBoss.JobWithMetadata<T> | null> {
    return this.boss.getJobById<T>(name, id);
  }

  fail(name: string, id: string, reason: string): Promise<void> {
    return this.boss.fail(name, id, { reason });
  }

  /**
   * `run` once per `seconds` across every instance: time is cut into slots of that length and
   * pg-boss keeps one job per slot (its throttle: a unique singleton_on), so however many instances
   * ask, each slot's job exists once and is run by one of them. A run first asks for the next
   * slot's job, so the chain goes on even if this instance dies mid-run; each instance also asks at
   * start, which restarts a chain after a full stop. A run cut short is not retried (the next slot
   * does the same work) and expires after `2 × seconds` (at least 5 minutes, under a day).
   */
  async every(name: string, seconds: number, run: () => Promise<void>): Promise<void> {
    const next = () =>
      this.send(
        name,
        {},
        {
          singletonSeconds: seconds,
          singletonNextSlot: true,
          retryLimit: 0,
          // pg-boss refuses an expiry of a day or more (REMINDERS_INTERVAL_MINUTES may be 1440).
          expireInSeconds: Math.min(Math.max(300, 2 * seconds), 23 * 3600),
        },
      );
    await this.work(
      name,
      async () => {
        await next();
        await run();
      },
      Math.min(2, Math.max(0.5, seconds / 2)),
    );
    await next();
  }
}
