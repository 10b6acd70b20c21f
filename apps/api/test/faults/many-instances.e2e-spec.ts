import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHAIN_TAXONOMY } from '../../src/modules/chains/chain-taxonomy';
import { pickPort } from '../../src/database/embedded-postgres';
import {
  ADMIN_PASSWORD,
  login,
  spawnServer,
  sql,
  startCluster,
  waitUntilReady,
  type Cluster,
  type Server,
} from './fault-support';

const INSTANCES = 3;
const MIGRATIONS = readdirSync(join(__dirname, '..', '..', 'src', 'database', 'migrations')).filter((file) =>
  file.endsWith('.ts'),
).length;

/**
 * Instances started at the same moment on an empty database (a fresh deployment scaled to three):
 * migrations and start-up seeds take turns under an advisory lock, every instance comes up, and the
 * database holds one of everything.
 */
describe(`${INSTANCES} instances started together on an empty database`, () => {
  let cluster: Cluster;
  const servers: Server[] = [];

  beforeAll(async () => {
    cluster = await startCluster('instances');
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await cluster?.remove();
  });

  it('all come up, and the first admin, the chain taxonomy and each migration exist once', async () => {
    const ports = await Promise.all(Array.from({ length: INSTANCES }, () => pickPort(0)));
    expect(new Set(ports).size).toBe(INSTANCES);
    for (const port of ports) {
      servers.push(spawnServer({ DATABASE_URL: cluster.url }, { port }));
    }
    await Promise.all(servers.map((server) => waitUntilReady(server)));
    for (const server of servers) expect(server.child.exitCode).toBeNull();

    const [counts] = await sql<Record<string, number>>(
      cluster.url,
      `SELECT (SELECT count(*)::int FROM users WHERE username = 'admin') AS admins,
              (SELECT count(*)::int FROM users) AS users,
              (SELECT count(*)::int FROM chains) AS chains,
              (SELECT count(DISTINCT code)::int FROM chains) AS chain_codes,
              (SELECT count(*)::int FROM migrations) AS migrations,
              (SELECT count(DISTINCT name)::int FROM migrations) AS migration_names,
              (SELECT count(*)::int FROM chain_nodes) AS chain_nodes,
              (SELECT count(*)::int FROM system_secrets WHERE key = 'jwt') AS jwt_secrets`,
    );
    expect(counts).toEqual({
      admins: 1,
      users: 1,
      chains: CHAIN_TAXONOMY.length,
      chain_codes: CHAIN_TAXONOMY.length,
      migrations: MIGRATIONS,
      migration_names: MIGRATIONS,
      chain_nodes: CHAIN_TAXONOMY.reduce(
        (sum, chain) => sum + chain.nodes.reduce((n, node) => n + 1 + (node.children?.length ?? 0), 0),
        0,
      ),
      jwt_secrets: 1,
    });
    // One of them created the admin and said so; the others found it.
    const firstAdminBanners = servers.filter((server) => server.output().includes('First admin login')).length;
    expect(firstAdminBanners).toBe(1);
    // Each serves, and a token from one is good on the others (one shared signing secret).
    const token = await login(servers[0].baseUrl, 'admin', ADMIN_PASSWORD);
    for (const server of servers) {
      const me = await fetch(`${server.baseUrl}/api/leads?limit=1`, { headers: { authorization: `Bearer ${token}` } });
      expect(me.status).toBe(200);
    }
  });
});
