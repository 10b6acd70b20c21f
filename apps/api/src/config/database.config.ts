import { registerAs } from '@nestjs/config';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { validateConfig } from './validate-config';

class DatabaseEnv {
  // Set by main.ts to the embedded server's address when the user gave none.
  @IsString()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string;
  @IsOptional() @IsInt() @Min(1) DATABASE_POOL_SIZE?: number;
  @IsOptional() @IsString() DATABASE_SEED_DEMO?: string;
  /** Opening a connection, or waiting for a free one of the pool, takes at most this long. */
  @IsOptional() @IsInt() @Min(100) @Max(600_000) DATABASE_CONNECT_TIMEOUT_MS?: number;
  /** PostgreSQL's statement_timeout for the app's connections; 0 = none. */
  @IsOptional() @IsInt() @Min(0) @Max(86_400_000) DATABASE_STATEMENT_TIMEOUT_MS?: number;
  /** PostgreSQL's idle_in_transaction_session_timeout; 0 = none. */
  @IsOptional() @IsInt() @Min(0) @Max(86_400_000) DATABASE_IDLE_TRANSACTION_TIMEOUT_MS?: number;
}

export type DatabaseConfig = ReturnType<typeof databaseConfig>;

export const databaseConfig = registerAs('database', () => {
  const env = validateConfig(process.env, DatabaseEnv);
  return {
    url: env.DATABASE_URL,
    poolSize: env.DATABASE_POOL_SIZE ?? 20,
    seedDemo: env.DATABASE_SEED_DEMO === 'true',
    connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS ?? 5_000,
    statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS ?? 30_000,
    idleInTransactionTimeoutMs: env.DATABASE_IDLE_TRANSACTION_TIMEOUT_MS ?? 60_000,
  };
});
