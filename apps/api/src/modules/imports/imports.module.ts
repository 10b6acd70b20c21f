import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module';
import { ImportError } from './import-error.entity';
import { ImportFile } from './import-file.entity';
import { ImportJob } from './import-job.entity';
import { ImportRow } from './import-row.entity';
import { importsConfig } from './imports.config';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([ImportJob, ImportError, ImportRow, ImportFile]),
    ConfigModule.forFeature(importsConfig),
    NotificationsModule,
  ],
  controllers: [ImportsController],
  providers: [ImportsService],
})
export class ImportsModule {}
