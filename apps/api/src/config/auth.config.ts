import { registerAs } from '@nestjs/config';
import { IsBoolean, IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { validateConfig } from './validate-config';

class AuthEnv {
  @IsOptional() @IsString() @MinLength(32) JWT_SECRET?: string;
  @IsOptional() @IsInt() @Min(30) @Max(3600) ACCESS_TOKEN_TTL_SECONDS?: number;
  @IsOptional() @IsInt() @Min(1) SESSION_IDLE_MINUTES?: number;
  @IsOptional() @IsInt() @Min(1) SESSION_MAX_HOURS?: number;
  @IsOptional() @IsInt() @Min(1) LOGIN_MAX_FAILURES?: number;
  @IsOptional() @IsInt() @Min(1) LOGIN_LOCK_MINUTES?: number;
  @IsOptional() @IsInt() @Min(8) @Max(128) PASSWORD_MIN_LENGTH?: number;
  @IsOptional() @IsBoolean() PASSWORD_REQUIRE_LETTER_AND_DIGIT?: boolean;
  @IsOptional() @IsString() ADMIN_PASSWORD?: string;
}

export type AuthConfig = ReturnType<typeof authConfig>;

export const authConfig = registerAs('auth', () => {
  const env = validateConfig(process.env, AuthEnv);
  return {
    jwtSecret: env.JWT_SECRET ?? null,
    accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS ?? 600,
    sessionIdleMs: (env.SESSION_IDLE_MINUTES ?? 30) * 60_000,
    sessionMaxMs: (env.SESSION_MAX_HOURS ?? 12) * 3_600_000,
    loginMaxFailures: env.LOGIN_MAX_FAILURES ?? 5,
    loginLockMs: (env.LOGIN_LOCK_MINUTES ?? 15) * 60_000,
    passwordPolicy: {
      minLength: env.PASSWORD_MIN_LENGTH ?? 10,
      requireLetterAndDigit: env.PASSWORD_REQUIRE_LETTER_AND_DIGIT ?? true,
    },
    adminPassword: env.ADMIN_PASSWORD ?? null,
  };
});
