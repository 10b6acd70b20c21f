import { Global, Module } from '@nestjs/common';
import { JobsService } from './jobs.service';

/** The pg-boss job engine, one per instance, shared by every feature module (see JobsService). */
@Global()
@Module({ providers: [JobsService], exports: [JobsService] })
export class JobsModule {}
