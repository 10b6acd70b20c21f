import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReminderLog } from './reminder-log.entity';
import { remindersConfig } from './reminders.config';
import { RemindersService } from './reminders.service';

/** The scheduled job behind the notification centre's reminders (NotificationsModule is global). */
@Module({
  imports: [TypeOrmModule.forFeature([ReminderLog]), ConfigModule.forFeature(remindersConfig)],
  providers: [RemindersService],
  exports: [RemindersService],
})
export class RemindersModule {}
