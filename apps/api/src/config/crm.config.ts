import { registerAs } from '@nestjs/config';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { validateConfig } from './validate-config';

class CrmEnv {
  @IsOptional() @IsInt() @Min(1) @Max(365) STALLED_DAYS?: number;
  @IsOptional() @IsInt() @Min(1) @Max(720) FIRST_RESPONSE_HOURS?: number;
}

export type CrmConfig = ReturnType<typeof crmConfig>;

/** The pipeline's rules that a district tunes. */
export const crmConfig = registerAs('crm', () => {
  const env = validateConfig(process.env, CrmEnv);
  return {
    stalledDays: env.STALLED_DAYS ?? 30,
    firstResponseHours: env.FIRST_RESPONSE_HOURS ?? 24,
  };
});
