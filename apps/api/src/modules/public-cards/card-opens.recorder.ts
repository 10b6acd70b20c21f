import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { cardsConfig, type CardsConfig } from './public-cards.config';

const CHINA_OFFSET_MS = 8 * 3_600_000;
/** Past this many unsaved opens (the database is down), the oldest are dropped rather than eat memory. */
const MAX_PENDING = 100_000;

export interface PendingOpen {
  promoProjectId: string;
  openedAt: Date;
  referralCode: string | null;
  /** Unsalted hash of address and browser: lives only in this buffer, never in the database. */
  fingerprint: string;
  wechat: boolean;
  mobile: boolean;
}

/** The China-time calendar day of an instant (China keeps no daylight saving). */
export function chinaDay(at: Date | number): string {
  return new Date(new Date(at).getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

const MOBILE_UA = /Mobi|Android|iPhone|iPad|iPod|HarmonyOS|Windows Phone/i;

/**
 * Counts card opens without slowing the page: a request only pushes to an in-memory buffer;
 * a timer (and a full buffer, and shutdown) writes the buffer in one insert. The visitor hash is
 * salted at write time with the day's salt from the database, which every instance shares.
 */
@Injectable()
export class CardOpensRecorder implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(CardOpensRecorder.name);
  private buffer: PendingOpen[] = [];
  private flushing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly salts = new Map<string, string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(cardsConfig.KEY) private readonly config: CardsConfig,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), this.config.opensFlushMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }

  record(open: { promoProjectId: string; referralCode: string | null; ip: string; userAgent: string }): void {
    this.buffer.push({
      promoProjectId: open.promoProjectId,
      openedAt: new Date(),
      referralCode: open.referralCode,
      fingerprint: createHash('sha256').update(`${open.ip}\n${open.userAgent}`).digest('hex'),
      wechat: /MicroMessenger/i.test(open.userAgent),
      mobile: MOBILE_UA.test(open.userAgent),
    });
    if (this.buffer.length > MAX_PENDING) this.buffer.splice(0, this.buffer.length - MAX_PENDING);
    if (this.buffer.length >= this.config.opensBatchSize) void this.flush();
  }

  get pending(): number {
    return this.buffer.length;
  }

  /** Writes everything buffered so far; concurrent calls share one write. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (!this.buffer.length) return;
    const batch = this.buffer;
    this.buffer = [];
    this.flushing = this.write(batch)
      .catch((error: unknown) => {
        this.logger.warn({ err: error, count: batch.length }, 'card opens not saved yet; will retry');
        this.buffer = batch.concat(this.buffer).slice(-MAX_PENDING);
      })
      .finally(() => {
        this.flushing = null;
      });
    await this.flushing;
  }

  private async write(batch: PendingOpen[]): Promise<void> {
    const days = [...new Set(batch.map((open) => chinaDay(open.openedAt)))];
    const salts = new Map<string, string>();
    for (const day of days) salts.set(day, await this.saltOf(day));
    // One statement with six array parameters: far cheaper to build than a multi-row VALUES list.
    await this.dataSource.query(
      `INSERT INTO card_opens (promo_project_id, opened_at, referral_code, visitor_hash, wechat, mobile)
       SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::varchar[], $4::char(32)[], $5::boolean[], $6::boolean[])`,
      [
        batch.map((open) => open.promoProjectId),
        batch.map((open) => open.openedAt.toISOString()),
        batch.map((open) => open.referralCode),
        batch.map((open) =>
          createHash('sha256')
            .update(`${salts.get(chinaDay(open.openedAt))}:${open.fingerprint}`)
            .digest('hex')
            .slice(0, 32),
        ),
        batch.map((open) => open.wechat),
        batch.map((open) => open.mobile),
      ],
    );
  }

  /** The day's salt: made by whichever instance needs it first; old ones deleted so old hashes cannot be recomputed. */
  private async saltOf(day: string): Promise<string> {
    const known = this.salts.get(day);
    if (known) return known;
    await this.dataSource.query(
      'INSERT INTO card_visitor_salts (day, salt) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING',
      [day, randomBytes(24).toString('base64url')],
    );
    const [row] = (await this.dataSource.query('SELECT salt FROM card_visitor_salts WHERE day = $1', [day])) as {
      salt: string;
    }[];
    await this.dataSource.query('DELETE FROM card_visitor_salts WHERE day < ($1::date - 1)', [day]);
    this.salts.clear();
    this.salts.set(day, row.salt);
    return row.salt;
  }
}
