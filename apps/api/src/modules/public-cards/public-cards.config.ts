import { registerAs } from '@nestjs/config';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { validateConfig } from '../../config/validate-config';

class CardsEnv {
  @IsOptional()
  @IsString()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL?: string;
  @IsOptional() @IsInt() @Min(1) CARD_INTEREST_LIMIT_PER_ADDRESS?: number;
  @IsOptional() @IsInt() @Min(1) CARD_INTEREST_ADDRESS_WINDOW_SECONDS?: number;
  @IsOptional() @IsInt() @Min(1) CARD_INTEREST_LIMIT_PER_CARD?: number;
  @IsOptional() @IsInt() @Min(1) CARD_INTEREST_CARD_WINDOW_SECONDS?: number;
  @IsOptional() @IsInt() @Min(1) @Max(1440) CARD_INTEREST_DEDUPE_MINUTES?: number;
  @IsOptional() @IsInt() @Min(0) @Max(600_000) CARD_CACHE_TTL_MS?: number;
  @IsOptional() @IsInt() @Min(50) CARD_OPENS_FLUSH_MS?: number;
  @IsOptional() @IsInt() @Min(1) CARD_OPENS_BATCH_SIZE?: number;
  @IsOptional() @IsInt() @Min(1024) CARD_IMAGE_MAX_BYTES?: number;
}

export type CardsConfig = ReturnType<typeof cardsConfig>;

/**
 * The public card's knobs: rate limits of the interest form, page-cache lifetime across instances,
 * the scan buffer's flush rhythm, the upload limit. REDIS_URL, when set, shares rate-limit counters
 * and cache invalidations between instances; without it each instance keeps its own.
 */
export const cardsConfig = registerAs('cards', () => {
  const env = validateConfig(process.env, CardsEnv);
  return {
    redisUrl: env.REDIS_URL ?? null,
    interestPerAddress: {
      limit: env.CARD_INTEREST_LIMIT_PER_ADDRESS ?? 5,
      windowMs: (env.CARD_INTEREST_ADDRESS_WINDOW_SECONDS ?? 600) * 1000,
    },
    interestPerCard: {
      limit: env.CARD_INTEREST_LIMIT_PER_CARD ?? 60,
      windowMs: (env.CARD_INTEREST_CARD_WINDOW_SECONDS ?? 3600) * 1000,
    },
    interestDedupeMs: (env.CARD_INTEREST_DEDUPE_MINUTES ?? 10) * 60_000,
    /** How long another instance may show a card before it notices a change (without Redis). */
    cacheTtlMs: env.CARD_CACHE_TTL_MS ?? 5000,
    opensFlushMs: env.CARD_OPENS_FLUSH_MS ?? 2000,
    opensBatchSize: env.CARD_OPENS_BATCH_SIZE ?? 2000,
    imageMaxBytes: env.CARD_IMAGE_MAX_BYTES ?? 8 * 1024 * 1024,
  };
});
