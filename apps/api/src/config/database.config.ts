import { registerAs } from '@nestjs/config';
import { IsInt, IsOptional, IsString, Matches, Min } from 'class-validator';
import { validateConfig } from './validate-config';

class DatabaseEnv {
  // Set by main.ts to the embedded server's address when the user gave none.
  @IsString()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string;
  @IsOptional() @IsInt() @Min(1) DATABASE_POOL_SIZE?: number;
  @IsOptional() @IsString() DATABASE_SEED_DEMO?: string;
}

export type DatabaseConfig = ReturnType<typeof databaseConfig>;

export const databaseConfig = registerAs('database', () => {
  const env = validateConfig(process.env, DatabaseEnv);
  return {
    url: env.DATABASE_URL,
    poolSize: env.DATABASE_POOL_SIZE ?? 20,
    seedDemo: env.DATABASE_SEED_DEMO === 'true',
  };
});
