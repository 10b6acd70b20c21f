import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { cardsConfig, type CardsConfig } from './public-cards.config';

const QUIT_TIMEOUT_MS = 1000;

/**
 * The optional Redis shared by instances (REDIS_URL): rate-limit counters and page-cache
 * invalidations. Absent or unreachable, everything still works per instance; a Redis failure is
 * logged and never fails a request.
 */
@Injectable()
export class RedisService implements OnModuleDestroy {
  private readonly logger = new Logger(RedisService.name);
  readonly client: Redis | null;
  private subscriber: Redis | null = null;
  private readonly handlers = new Map<string, (message: string) => void>();

  constructor(@Inject(cardsConfig.KEY) config: CardsConfig) {
    this.client = config.redisUrl ? this.connect(config.redisUrl) : null;
  }

  /** Ready to take a command now (connected); callers fall back to memory otherwise. */
  get ready(): boolean {
    return this.client?.status === 'ready';
  }

  async publish(channel: string, message: string): Promise<void> {
    if (!this.ready) return;
    try {
      await this.client!.publish(channel, message);
    } catch (error) {
      this.logger.warn({ err: error, channel }, 'redis publish failed');
    }
  }

  subscribe(channel: string, handler: (message: string) => void): void {
    if (!this.client) return;
    this.handlers.set(channel, handler);
    if (!this.subscriber) {
      // Subscriptions wait for the connection and come back after a reconnect by themselves.
      this.subscriber = this.client.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
      this.subscriber.on('error', () => undefined);
      this.subscriber.on('message', (ch: string, message: string) => this.handlers.get(ch)?.(message));
    }
    this.subscriber
      .subscribe(channel)
      .catch((error: unknown) => this.logger.warn({ err: error, channel }, 'redis subscribe failed'));
  }

  /**
   * A connected Redis gets a polite QUIT (bounded: a Redis that stopped answering must not hold up
   * shutdown); one that is not connected is dropped at once, because QUIT would wait in the offline
   * queue for a connection that may never come, and the reconnect timer would keep the process alive.
   */
  async onModuleDestroy(): Promise<void> {
    await Promise.all(
      [this.subscriber, this.client].map(async (connection) => {
        if (!connection) return;
        if (connection.status !== 'ready') return connection.disconnect();
        const quit = connection.quit().catch(() => undefined);
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([quit, new Promise((done) => (timer = setTimeout(done, QUIT_TIMEOUT_MS)))]);
        clearTimeout(timer);
        connection.disconnect();
      }),
    );
  }

  private connect(url: string): Redis {
    const client = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 });
    // One warning per outage, not one per reconnect attempt.
    let down = false;
    client.on('error', (error) => {
      if (down) return;
      down = true;
      this.logger.warn({ err: error }, 'redis unavailable; counters and caches stay per instance until it is back');
    });
    client.on('ready', () => {
      if (down) this.logger.log('redis is back');
      down = false;
    });
    return client;
  }
}
