import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttributionModule } from '../attribution/attribution.module';
import { ChainsModule } from '../chains/chains.module';
import { CompaniesModule } from '../companies/companies.module';
import { LeadsModule } from '../leads/leads.module';
import { ProjectsModule } from '../projects/projects.module';
import { RoadshowAttendee } from './roadshow-attendee.entity';
import { Roadshow } from './roadshow.entity';
import { RoadshowAttendeesService } from './roadshow-attendees.service';
import { RoadshowOutcomesService } from './roadshow-outcomes.service';
import { RoadshowsController } from './roadshows.controller';
import { RoadshowsService } from './roadshows.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Roadshow, RoadshowAttendee]),
    AttributionModule,
    CompaniesModule,
    ChainsModule,
    LeadsModule,
    ProjectsModule,
  ],
  controllers: [RoadshowsController],
  providers: [RoadshowsService, RoadshowAttendeesService, RoadshowOutcomesService],
  exports: [RoadshowsService],
})
export class RoadshowsModule {}
