import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivitiesModule } from '../activities/activities.module';
import { AttributionModule } from '../attribution/attribution.module';
import { CompaniesModule } from '../companies/companies.module';
import { LeadsModule } from '../leads/leads.module';
import { DelegationReportService } from './delegation-report.service';
import { DelegationVisit } from './delegation-visit.entity';
import { DelegationVisitsService } from './delegation-visits.service';
import { Delegation } from './delegation.entity';
import { DelegationsController } from './delegations.controller';
import { DelegationsService } from './delegations.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Delegation, DelegationVisit]),
    ActivitiesModule,
    AttributionModule,
    CompaniesModule,
    LeadsModule,
  ],
  controllers: [DelegationsController],
  providers: [DelegationsService, DelegationVisitsService, DelegationReportService],
})
export class DelegationsModule {}
