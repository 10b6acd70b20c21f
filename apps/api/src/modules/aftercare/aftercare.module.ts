import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivitiesModule } from '../activities/activities.module';
import { PublicCardsModule } from '../public-cards/public-cards.module';
import { AftercareAccess } from './aftercare-access';
import { aftercareConfig } from './aftercare.config';
import { AftercareAssignment } from './assignments/aftercare-assignment.entity';
import { AssignmentsController } from './assignments/assignments.controller';
import { AssignmentsService } from './assignments/assignments.service';
import { RequestLink } from './assignments/request-link.entity';
import { CultivationController } from './cultivation/cultivation.controller';
import { CultivationEntry } from './cultivation/cultivation-entry.entity';
import { CultivationService } from './cultivation/cultivation.service';
import { EnterpriseRequest } from './requests/enterprise-request.entity';
import { PublicRequestsController } from './requests/public-requests.controller';
import { PublicRequestsService } from './requests/public-requests.service';
import { RequestEscalationService } from './requests/request-escalation.service';
import { RequestStatsService } from './requests/request-stats.service';
import { RequestsController } from './requests/requests.controller';
import { RequestsService } from './requests/requests.service';

/**
 * Aftercare (包保服务): assignments of leaders and representatives, enterprises' requests with
 * their public form, escalation job and statistics, and the cultivation pool. The rate limiter of
 * the public form is the public cards' (Redis-backed when REDIS_URL is set).
 */
@Module({
  imports: [
    ConfigModule.forFeature(aftercareConfig),
    TypeOrmModule.forFeature([AftercareAssignment, RequestLink, EnterpriseRequest, CultivationEntry]),
    ActivitiesModule,
    PublicCardsModule,
  ],
  controllers: [AssignmentsController, RequestsController, PublicRequestsController, CultivationController],
  providers: [
    AftercareAccess,
    AssignmentsService,
    RequestsService,
    RequestEscalationService,
    RequestStatsService,
    PublicRequestsService,
    CultivationService,
  ],
  exports: [RequestEscalationService, RequestsService],
})
export class AftercareModule {}
