import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

/**
 * Turns raw environment variables into a typed, validated object, or stops the boot with one
 * message naming every bad variable.
 */
export function validateConfig<T extends object>(config: Record<string, unknown>, schema: new () => T): T {
  const validated = plainToInstance(schema, config, { enableImplicitConversion: true });
  const errors = validateSync(validated, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  - ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return validated;
}
