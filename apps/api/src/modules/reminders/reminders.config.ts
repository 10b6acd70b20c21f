import { registerAs } from '@nestjs/config';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { validateConfig } from '../../config/validate-config';

class RemindersEnv {
  @IsOptional() @IsInt() @Min(0) @Max(1440) REMINDERS_INTERVAL_MINUTES?: number;
}

export type RemindersConfig = ReturnType<typeof remindersConfig>;

/** How often each instance looks for follow-ups due, stalled projects and cards awaiting review; 0 turns it off. */
export const remindersConfig = registerAs('reminders', () => {
  const env = validateConfig(process.env, RemindersEnv);
  return { intervalMs: (env.REMINDERS_INTERVAL_MINUTES ?? 15) * 60_000 };
});
