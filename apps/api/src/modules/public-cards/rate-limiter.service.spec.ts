import { RateLimiterService } from './rate-limiter.service';
import { RedisService } from './redis.service';

describe(RateLimiterService.name, () => {
  const configWith = (redisUrl: string | null) => ({ redisUrl }) as ConstructorParameters<typeof RedisService>[0];

  describe('hit', () => {
    it('counts in memory without Redis, per key, and says how long to wait', async () => {
      const redis = new RedisService(configWith(null));
      const sut = new RateLimiterService(redis);
      const results = [];
      for (let i = 0; i < 3; i++) results.push(await sut.hit('a', 2, 60_000));
      expect(results.map((r) => r.allowed)).toEqual([true, true, false]);
      expect(results[2].retryAfterMs).toBeGreaterThan(59_000);
      expect((await sut.hit('b', 2, 60_000)).allowed).toBe(true);
      sut.onModuleDestroy();
    });

    it('opens a new window once the old one has passed', async () => {
      const sut = new RateLimiterService(new RedisService(configWith(null)));
      expect((await sut.hit('w', 1, 30)).allowed).toBe(true);
      expect((await sut.hit('w', 1, 30)).allowed).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 40));
      expect((await sut.hit('w', 1, 30)).allowed).toBe(true);
      sut.onModuleDestroy();
    });

    it('keeps counting in memory while a configured Redis cannot be reached', async () => {
      const redis = new RedisService(configWith('redis://127.0.0.1:1'));
      const sut = new RateLimiterService(redis);
      expect(redis.ready).toBe(false);
      expect((await sut.hit('x', 1, 60_000)).allowed).toBe(true);
      expect((await sut.hit('x', 1, 60_000)).allowed).toBe(false);
      sut.onModuleDestroy();
      await redis.onModuleDestroy();
    });
  });
});
