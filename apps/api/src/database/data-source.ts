import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { baseDataSourceOptions } from './typeorm-options';

/**
 * For the TypeORM CLI only (migration:generate / run); the app builds its own from config.
 * MIGRATION_MODULES=leads,companies limits the entities to those feature folders (plus the
 * foundation's), so a migration generated while other features are half-written holds only its own
 * tables. List every module your entities point at.
 */
if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is required by the migration CLI');

const FOUNDATION = ['audit', 'auth', 'users', 'org'];
const modules = process.env.MIGRATION_MODULES?.split(',')
  .map((m) => m.trim())
  .filter(Boolean);
const entityGlobs = modules
  ? [...new Set([...FOUNDATION, ...modules])].map((m) => join(__dirname, '..', 'modules', m, '**', '*.entity.{ts,js}'))
  : [join(__dirname, '..', 'modules', '**', '*.entity.{ts,js}')];

export default new DataSource({ ...baseDataSourceOptions(process.env.DATABASE_URL), entities: entityGlobs });
