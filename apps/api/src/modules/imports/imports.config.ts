import { registerAs } from '@nestjs/config';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { validateConfig } from '../../config/validate-config';

class ImportsEnv {
  @IsOptional() @IsInt() @Min(1024) IMPORT_MAX_BYTES?: number;
  @IsOptional() @IsInt() @Min(100) @Max(50_000) IMPORT_BATCH_ROWS?: number;
  @IsOptional() @IsInt() @Min(32) @Max(4096) IMPORT_WORKER_HEAP_MB?: number;
}

export type ImportsConfig = ReturnType<typeof importsConfig>;

/** The largest upload accepted (413 beyond), how many rows each checking step takes, the checking worker's heap. */
export const importsConfig = registerAs('imports', () => {
  const env = validateConfig(process.env, ImportsEnv);
  return {
    maxBytes: env.IMPORT_MAX_BYTES ?? 100 * 1024 * 1024,
    batchRows: env.IMPORT_BATCH_ROWS ?? 1000,
    /** The checking worker's heap cap: bounds the API's memory whatever the file. */
    workerHeapMb: env.IMPORT_WORKER_HEAP_MB ?? 128,
  };
});
