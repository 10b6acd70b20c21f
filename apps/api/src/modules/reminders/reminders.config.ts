import { registerAs } from '@nestjs/config';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { validateConfig } from '../../config/validate-config';

class RemindersEnv {
  @IsOptional() @IsInt() @Min(0) @Max(1440) REMINDERS_INTERVAL_MINUTES?: number;
}

export type RemindersConfig = ReturnType<typeof remindersConfig>;

/**
 * How often the reminders job runs (once across all instances); 0 turns it off, and so does
 * NODE_ENV=test unless the variable is set (tests call runOnce with a clock of their own).
 */
export const remindersConfig = registerAs('reminders', () => {
  const env = validateConfig(process.env, RemindersEnv);
  const minutes = env.REMINDERS_INTERVAL_MINUTES ?? (process.env.NODE_ENV === 'test' ? 0 : 15);
  return { intervalMs: minutes * 60_000 };
});
