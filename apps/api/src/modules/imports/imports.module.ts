import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ImportError } from './import-error.entity';
import { ImportJob } from './import-job.entity';
import { ImportRow } from './import-row.entity';
import { importsConfig } from './imports.config';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

@Module({
  imports: [TypeOrmModule.forFeature([ImportJob, ImportError, ImportRow]), ConfigModule.forFeature(importsConfig)],
  controllers: [ImportsController],
  providers: [ImportsService],
})
export class ImportsModule {}
