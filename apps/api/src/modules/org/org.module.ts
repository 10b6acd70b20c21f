import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgUnitsController, TeamsController } from './org.controller';
import { OrgUnit } from './org-unit.entity';
import { OrgService } from './org.service';
import { Team } from './team.entity';

@Module({
  imports: [TypeOrmModule.forFeature([OrgUnit, Team])],
  controllers: [OrgUnitsController, TeamsController],
  providers: [OrgService],
  exports: [OrgService],
})
export class OrgModule {}
