import { Module } from '@nestjs/common';
import { CompaniesModule } from '../companies/companies.module';
import { LeadsModule } from '../leads/leads.module';
import { ProjectsModule } from '../projects/projects.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { WeeklyReportService } from './weekly-report.service';

@Module({
  imports: [LeadsModule, ProjectsModule, CompaniesModule],
  controllers: [ExportsController],
  providers: [ExportsService, WeeklyReportService],
  exports: [ExportsService],
})
export class ExportsModule {}
