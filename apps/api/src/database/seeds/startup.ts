import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { seedChainTaxonomy } from '../../modules/chains/chain-taxonomy.seed';
import { UsersService } from '../../modules/users/users.service';
import { withStartupLock } from '../startup-lock';
import { seedDemoData, type DemoSeed } from './demo.seed';
import { ensureFirstAdmin, type FirstAdmin } from './first-admin.seed';

export interface StartupSeedResult {
  admin: FirstAdmin;
  /** The demo logins when demo data was loaded on this start. */
  demo: DemoSeed | null;
}

/**
 * Reference data every start makes sure of, then the first admin, then demo data on a fresh
 * embedded database. Under the start-up lock: instances started together on an empty database
 * take turns, and the later ones find everything there.
 */
export async function runStartupSeeds(
  app: INestApplication,
  options: { dataDir: string; adminPassword: string | null; demo: boolean },
): Promise<StartupSeedResult> {
  const dataSource = app.get<DataSource>(getDataSourceToken());
  return withStartupLock(dataSource, async () => {
    await dataSource.transaction((manager) => seedChainTaxonomy(manager));
    const admin = await ensureFirstAdmin(dataSource, app.get(UsersService), options);
    const demo = options.demo ? await seedDemoData(app, dataSource, options.dataDir) : null;
    return { admin, demo };
  });
}
