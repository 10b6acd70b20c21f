import { Module } from '@nestjs/common';
import { LeadsModule } from '../leads/leads.module';
import { ProjectsModule } from '../projects/projects.module';
import { AttributionController } from './attribution.controller';
import { AttributionService } from './attribution.service';
import { SourceLeadsService } from './source-leads.service';

/** Sources of leads and projects: the attribution chain, and leads logged from events and trips. */
@Module({
  imports: [LeadsModule, ProjectsModule],
  controllers: [AttributionController],
  providers: [AttributionService, SourceLeadsService],
  exports: [SourceLeadsService],
})
export class AttributionModule {}
