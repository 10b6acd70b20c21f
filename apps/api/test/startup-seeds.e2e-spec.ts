import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../src/database/seeds/demo.seed';
import { runStartupSeeds } from '../src/database/seeds/startup';
import { TestApp } from './harness';

describe('start-up seeds', () => {
  let t: TestApp;
  const dataDir = mkdtempSync(join(tmpdir(), 'lianqiao-seed-'));

  beforeAll(async () => {
    t = await TestApp.start('seeds');
  });
  afterAll(() => t.close());

  it('creates the first admin with a random password written to the data folder, once', async () => {
    const first = await runStartupSeeds(t.app, { dataDir, adminPassword: null, demo: false });
    expect(first.admin.password).toMatch(/^.{10,}$/);
    expect(readFileSync(join(dataDir, 'admin-password.txt'), 'utf8').trim()).toBe(first.admin.password);
    expect((await t.post('/api/auth/login', { username: 'admin', password: first.admin.password })).status).toBe(200);
    const second = await runStartupSeeds(t.app, { dataDir, adminPassword: null, demo: false });
    expect(second.admin.password).toBeNull();
  });

  it('loads a marked demo data set through the real rules, and only once', async () => {
    const seeded = await runStartupSeeds(t.app, { dataDir, adminPassword: null, demo: true });
    expect(seeded.demo).toContain('demo.leader');
    const token = await t.login('demo.leader', DEMO_PASSWORD);
    const board = await t.get('/api/projects/board', token);
    const counts = Object.fromEntries(
      board.body.columns.map((c: { stage: string; count: number }) => [c.stage, c.count]),
    );
    expect(counts).toMatchObject({ negotiating: 2, signed: 1, registered: 1, under_construction: 1, in_production: 1 });
    const leads = await t.get('/api/leads?limit=200', token);
    expect(leads.body.total).toBe(9);
    expect(leads.body.items.every((l: { name: string }) => l.name.startsWith('［演示］'))).toBe(true);
    const staff = await t.login('demo.staff1', DEMO_PASSWORD);
    expect((await t.get('/api/leads?overdue=true', staff)).body.total).toBeGreaterThan(0);
    expect((await runStartupSeeds(t.app, { dataDir, adminPassword: null, demo: true })).demo).toBeNull();
    expect((await t.get('/api/leads?limit=200', token)).body.total).toBe(9);
  });
});
