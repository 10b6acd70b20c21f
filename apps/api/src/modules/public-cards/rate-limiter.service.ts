import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { RedisService } from './redis.service';

export interface RateLimitResult {
  allowed: boolean;
  /** When the window ends, in ms from now. */
  retryAfterMs: number;
}

/** Increments a counter and sets its expiry on the first hit of a window, atomically. */
const HIT_SCRIPT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}`;

/**
 * Fixed-window counters for the public endpoints: in Redis when it is there (so all instances
 * count together), in this process otherwise or when Redis fails.
 */
@Injectable()
export class RateLimiterService implements OnModuleDestroy {
  private readonly logger = new Logger(RateLimiterService.name);
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly redis: RedisService) {
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  async hit(key: string, limit: number, windowMs: number): Promise<RateLimitResult> {
    if (this.redis.ready) {
      try {
        const [count, ttl] = (await this.redis.client!.eval(HIT_SCRIPT, 1, `lianqiao:rl:${key}`, windowMs)) as [
          number,
          number,
        ];
        return { allowed: count <= limit, retryAfterMs: ttl > 0 ? ttl : windowMs };
      } catch (error) {
        this.logger.warn({ err: error }, 'redis rate limit failed; counting in memory');
      }
    }
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    return { allowed: window.count <= limit, retryAfterMs: window.resetAt - now };
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}
