import { registerAs } from '@nestjs/config';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { resolve } from 'node:path';
import { validateConfig } from './validate-config';

class AppEnv {
  @IsOptional() @IsInt() @Min(0) @Max(65535) PORT?: number;
  @IsOptional() @IsString() HOST?: string;
  @IsOptional() @IsIn(['development', 'production', 'test']) NODE_ENV?: string;
  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL?: string;
  @IsOptional() @IsInt() @Min(1024) BODY_LIMIT_BYTES?: number;
  @IsOptional() @IsString() WEB_DIST_DIR?: string;
  @IsOptional() @IsString() PUBLIC_BASE_URL?: string;
  @IsOptional() @IsString() DATA_DIR?: string;
  @IsOptional() @IsString() DISTRICT_NAME?: string;
  /** Hops of reverse proxy whose X-Forwarded-For may be believed (e.g. 1 behind nginx); none by default. */
  @IsOptional() @IsInt() @Min(0) @Max(10) TRUST_PROXY_HOPS?: number;
}

export type AppConfig = ReturnType<typeof appConfig>;

export const appConfig = registerAs('app', () => {
  const env = validateConfig(process.env, AppEnv);
  return {
    port: env.PORT ?? 3000,
    host: env.HOST ?? '0.0.0.0',
    env: env.NODE_ENV ?? 'development',
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'warn' : 'info'),
    bodyLimitBytes: env.BODY_LIMIT_BYTES ?? 1_048_576,
    webDistDir: resolve(env.WEB_DIST_DIR ?? 'dist/web'),
    publicBaseUrl: env.PUBLIC_BASE_URL ?? null,
    dataDir: resolve(env.DATA_DIR ?? '.data'),
    districtName: env.DISTRICT_NAME ?? '示范区',
    trustProxyHops: env.TRUST_PROXY_HOPS ?? 0,
  };
});
