import { Logger, Module } from '@nestjs/common';
import { ConfigModule, ConfigType } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { JobsModule } from './common/jobs/jobs.module';
import { createLoggerOptions } from './common/logging/logger.options';
import { appConfig, authConfig, crmConfig, databaseConfig } from './config';
import { DatabaseGate } from './database/database-gate';
import { DatabaseModule } from './database/database.module';
import { initializeMigrated } from './database/startup-lock';
import { appDataSourceOptions } from './database/typeorm-options';
import { ActivitiesModule } from './modules/activities/activities.module';
import { AftercareModule } from './modules/aftercare/aftercare.module';
import { AttributionModule } from './modules/attribution/attribution.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { ChainsModule } from './modules/chains/chains.module';
import { CompaniesModule } from './modules/companies/companies.module';
import { DelegationsModule } from './modules/delegations/delegations.module';
import { DashboardModule } from './modules/dashboard/dashboard.module';
import { ExportsModule } from './modules/exports/exports.module';
import { HealthModule } from './modules/health/health.module';
import { ImportsModule } from './modules/imports/imports.module';
import { LeadsModule } from './modules/leads/leads.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { OrgModule } from './modules/org/org.module';
import { ProjectsModule } from './modules/projects/projects.module';
import { PromoProjectsModule } from './modules/promo-projects/promo-projects.module';
import { PublicCardsModule } from './modules/public-cards/public-cards.module';
import { RemindersModule } from './modules/reminders/reminders.module';
import { RoadshowsModule } from './modules/roadshows/roadshows.module';
import { TargetsModule } from './modules/targets/targets.module';
import { UsersModule } from './modules/users/users.module';

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      load: [appConfig, authConfig, databaseConfig, crmConfig],
    }),
    LoggerModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: (app: ConfigType<typeof appConfig>) => createLoggerOptions(app.logLevel),
    }),
    DatabaseModule,
    TypeOrmModule.forRootAsync({
      inject: [databaseConfig.KEY, DatabaseGate],
      useFactory: (db: ConfigType<typeof databaseConfig>, gate: DatabaseGate) => ({
        ...appDataSourceOptions(db, gate),
        autoLoadEntities: true,
      }),
      // Migrations under the start-up lock, so that instances started together take turns.
      dataSourceFactory: (options) => initializeMigrated(options!, new Logger('Database')),
    }),
    JobsModule,
    AuditModule,
    HealthModule,
    AuthModule,
    UsersModule,
    OrgModule,
    ChainsModule,
    CompaniesModule,
    ActivitiesModule,
    ProjectsModule,
    LeadsModule,
    NotificationsModule,
    PublicCardsModule,
    PromoProjectsModule,
    AttributionModule,
    RoadshowsModule,
    DelegationsModule,
    TargetsModule,
    DashboardModule,
    ExportsModule,
    RemindersModule,
    ImportsModule,
    AftercareModule,
  ],
})
export class AppModule {}
