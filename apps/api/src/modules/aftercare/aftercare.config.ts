import { registerAs } from '@nestjs/config';
import { REQUEST_CATEGORIES, REQUEST_DUE_DAYS_DEFAULT, type RequestCategory } from '@lianqiao/contracts';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { validateConfig } from '../../config/validate-config';

class AftercareEnv {
  @IsOptional() @IsInt() @Min(1) @Max(365) REQUEST_DUE_DAYS_LAND?: number;
  @IsOptional() @IsInt() @Min(1) @Max(365) REQUEST_DUE_DAYS_PERMITS?: number;
  @IsOptional() @IsInt() @Min(1) @Max(365) REQUEST_DUE_DAYS_FINANCING?: number;
  @IsOptional() @IsInt() @Min(1) @Max(365) REQUEST_DUE_DAYS_TALENT?: number;
  @IsOptional() @IsInt() @Min(1) @Max(365) REQUEST_DUE_DAYS_UTILITIES?: number;
  @IsOptional() @IsInt() @Min(1) @Max(365) REQUEST_DUE_DAYS_POLICY?: number;
  @IsOptional() @IsInt() @Min(1) @Max(365) REQUEST_DUE_DAYS_OTHER?: number;
  /** Seconds between escalation runs; 0 turns the job off (it is off under NODE_ENV=test unless set). */
  @IsOptional() @IsInt() @Min(0) @Max(86_400) REQUEST_ESCALATION_INTERVAL_SECONDS?: number;
  @IsOptional() @IsInt() @Min(1) REQUEST_FORM_LIMIT_PER_ADDRESS?: number;
  @IsOptional() @IsInt() @Min(1) REQUEST_FORM_ADDRESS_WINDOW_SECONDS?: number;
  @IsOptional() @IsInt() @Min(1) REQUEST_FORM_LIMIT_PER_COMPANY?: number;
  @IsOptional() @IsInt() @Min(1) REQUEST_FORM_COMPANY_WINDOW_SECONDS?: number;
}

export type AftercareConfig = ReturnType<typeof aftercareConfig>;

/**
 * Aftercare's knobs: days to resolve a request per category (defaults in REQUEST_DUE_DAYS_DEFAULT:
 * land 30, permits 10, financing 15, talent 15, utilities 7, policy 15, other 10), how often
 * overdue requests are escalated, and the limits of the enterprises' public form.
 */
export const aftercareConfig = registerAs('aftercare', () => {
  const env = validateConfig(process.env, AftercareEnv);
  const dueDays = Object.fromEntries(
    REQUEST_CATEGORIES.map((category) => {
      const configured = env[`REQUEST_DUE_DAYS_${category.toUpperCase()}` as keyof AftercareEnv];
      return [category, configured ?? REQUEST_DUE_DAYS_DEFAULT[category]];
    }),
  ) as Record<RequestCategory, number>;
  const interval = env.REQUEST_ESCALATION_INTERVAL_SECONDS ?? (process.env.NODE_ENV === 'test' ? 0 : 300);
  return {
    dueDays,
    escalationIntervalMs: interval * 1000,
    formPerAddress: {
      limit: env.REQUEST_FORM_LIMIT_PER_ADDRESS ?? 5,
      windowMs: (env.REQUEST_FORM_ADDRESS_WINDOW_SECONDS ?? 600) * 1000,
    },
    formPerCompany: {
      limit: env.REQUEST_FORM_LIMIT_PER_COMPANY ?? 30,
      windowMs: (env.REQUEST_FORM_COMPANY_WINDOW_SECONDS ?? 3600) * 1000,
    },
  };
});
