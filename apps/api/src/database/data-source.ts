import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { baseDataSourceOptions } from './typeorm-options';

/** For the TypeORM CLI only (migration:generate / run); the app builds its own from config. */
if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is required by the migration CLI');

export default new DataSource({
  ...baseDataSourceOptions(process.env.DATABASE_URL),
  entities: [join(__dirname, '..', 'modules', '**', '*.entity.{ts,js}')],
});
