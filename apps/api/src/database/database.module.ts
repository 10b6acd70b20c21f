import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { databaseConfig, type DatabaseConfig } from '../config/database.config';
import { DEFAULT_GATE_OPTIONS, DatabaseGate } from './database-gate';

/** The database gate for the pool (TypeORM's wiring in app.module.ts) and for readiness. */
@Global()
@Module({
  providers: [
    {
      provide: DatabaseGate,
      inject: [databaseConfig.KEY],
      useFactory: (db: DatabaseConfig) =>
        new DatabaseGate({ connectionString: db.url }, { ...DEFAULT_GATE_OPTIONS, log: new Logger('Database') }),
    },
  ],
  exports: [DatabaseGate],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DatabaseGate) private readonly gate: DatabaseGate) {}

  onApplicationShutdown(): void {
    this.gate.stop();
  }
}
