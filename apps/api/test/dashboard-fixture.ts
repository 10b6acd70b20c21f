import { usccCheckCharacter } from '@lianqiao/domain';
import type { TestApp, TestUser } from './harness';

/** A valid USCC from a 17-character body (GB 32100-2015 check character appended). */
export function uscc(body17: string): string {
  return body17 + usccCheckCharacter(body17);
}

export interface DashboardFixture {
  teamA: string;
  teamB: string;
  admin: TestUser;
  leader: TestUser;
  staffA: TestUser;
  staffB: TestUser;
  chainNode: string;
  chainCode: string;
  card: string;
  projects: Record<'p1' | 'p2' | 'p3' | 'p4' | 'p5' | 'p6', string>;
}

/**
 * A known data set for 2026, dated through the stage history (docs/metrics.md):
 *
 * leads (created)  A: 2026-02-10, 2026-03-05, 2026-03-20 (chain node), 2025-12-30 (other year), 2026-03-01 (deleted)
 *                  B: 2026-05-02, 2026-05-03
 * inbound leads    A: card_interest 2026-04-01 10:00 (+2 h), card_interest 2026-04-02 (+30 h)
 *                  B: inbound_visit 2026-04-03 (+10 h), online 2026-04-04 (never answered)
 * projects         P1 A domestic: created 2026-01-10, signed 2026-03-15, registered 2026-04-01, started 2026-06-01
 *                     total 80,000 contracted 50,000 paid 20,000, jobs 500/300/100, chain node, from the card
 *                  P2 A foreign: created 2025-11-01, signed 2025-12-20, started 2026-02-10 (skip), producing 2026-09-01
 *                     total 40,000 contracted 30,000 paid 10,000
 *                  P3 B domestic: created 2026-04-01, registered 2026-05-05 (skipping signed), total 15,000 contracted 12,000
 *                  P4 B: negotiating since 2026-02-01, idle 60 days (stalled), total 9,000, 包保 leader
 *                  P5 A foreign: created 2026-06-01, signed 2026-07-01, lost 2026-08-01; contracted 7,000 paid 3,000
 *                  P6 A: signed 2026-03-01, then deleted
 */
export async function buildDashboardFixture(t: TestApp): Promise<DashboardFixture> {
  const teamA = await t.createTeam('汽车专班');
  const teamB = await t.createTeam('轨交专班');
  const admin = await t.createUser('dash.admin', 'admin');
  const leader = await t.createUser('dash.leader', 'leader');
  const staffA = await t.createUser('dash.a', 'staff', teamA);
  const staffB = await t.createUser('dash.b', 'staff', teamB);
  const [node] = await t.dataSource.query(
    `SELECT n.id, c.code FROM chain_nodes n JOIN chains c ON c.id = n.chain_id WHERE c.code = 'automotive' ORDER BY n.sort_order, n.name LIMIT 1`,
  );
  const card = (await t.post('/api/promo-projects', { kind: 'land', title: '汽车零部件产业园地块' }, staffA.token)).body
    .id as string;

  const lead = async (user: TestUser, createdAt: string, body: Record<string, unknown> = {}) => {
    const res = await t.post('/api/leads', { name: `线索${createdAt}`, source: 'roadshow', ...body }, user.token);
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    await t.dataSource.query(`UPDATE leads SET created_at = $2 WHERE id = $1`, [res.body.id, createdAt]);
    return res.body.id as string;
  };
  await lead(staffA, '2026-02-10T09:00:00+08:00');
  await lead(staffA, '2026-03-05T09:00:00+08:00');
  await lead(staffA, '2026-03-20T09:00:00+08:00', { chainNodeIds: [node.id] });
  await lead(staffA, '2025-12-30T09:00:00+08:00');
  const deleted = await lead(staffA, '2026-03-01T09:00:00+08:00');
  await t.delete(`/api/leads/${deleted}`, staffA.token);
  await lead(staffB, '2026-05-02T09:00:00+08:00');
  await lead(staffB, '2026-05-03T09:00:00+08:00');
  const inbound = async (
    user: TestUser,
    source: string,
    createdAt: string,
    answeredAfterHours: number | null,
    extra = {},
  ) => {
    const id = await lead(user, createdAt, { source, ...extra });
    if (answeredAfterHours !== null) {
      await t.dataSource.query(
        `UPDATE leads SET first_response_at = created_at + make_interval(hours => $2) WHERE id = $1`,
        [id, answeredAfterHours],
      );
    }
  };
  await inbound(staffA, 'card_interest', '2026-04-01T10:00:00+08:00', 2, { sourceRefId: card });
  await inbound(staffA, 'card_interest', '2026-04-02T10:00:00+08:00', 30);
  await inbound(staffB, 'inbound_visit', '2026-04-03T10:00:00+08:00', 10);
  await inbound(staffB, 'online', '2026-04-04T10:00:00+08:00', null);

  const project = async (user: TestUser, body: Record<string, unknown>) => {
    const res = await t.post('/api/projects', body, user.token);
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body as { id: string; version: number };
  };
  const move = async (user: TestUser, p: { id: string; version: number }, body: Record<string, unknown>) => {
    const res = await t.post(`/api/projects/${p.id}/transitions`, { version: p.version, ...body }, user.token);
    if (res.status !== 200) throw new Error(JSON.stringify(res.body));
    p.version = res.body.version;
  };
  const dated = async (p: { id: string }, dates: Record<string, string>) => {
    for (const [stage, at] of Object.entries(dates)) {
      await t.dataSource.query(`UPDATE project_stage_changes SET at = $3 WHERE project_id = $1 AND to_stage = $2`, [
        p.id,
        stage,
        at,
      ]);
    }
  };

  const p1 = await project(staffA, {
    name: '动力电池项目',
    capitalOrigin: 'domestic',
    totalInvestmentWan: 80000,
    paidInWan: 20000,
    projectedJobs: 500,
    contractedJobs: 300,
    actualJobs: 100,
    chainNodeIds: [node.id],
    sourceRefId: card,
    leadSource: 'card_interest',
  });
  await move(staffA, p1, { to: 'signed', signedAt: '2026-03-15', contractedWan: 50000 });
  await move(staffA, p1, { to: 'registered', localUscc: uscc('91320100000000010') });
  await move(staffA, p1, { to: 'under_construction', startedAt: '2026-06-01' });
  await dated(p1, {
    negotiating: '2026-01-10T09:00:00+08:00',
    signed: '2026-03-15T09:00:00+08:00',
    registered: '2026-04-01T09:00:00+08:00',
    under_construction: '2026-06-01T09:00:00+08:00',
  });

  const p2 = await project(staffA, {
    name: '整车配套项目',
    capitalOrigin: 'foreign',
    totalInvestmentWan: 40000,
    paidInWan: 10000,
  });
  await move(staffA, p2, { to: 'signed', signedAt: '2025-12-20', contractedWan: 30000 });
  await move(staffA, p2, { to: 'under_construction', localUscc: uscc('91320100000000020'), startedAt: '2026-02-10' });
  await move(staffA, p2, { to: 'in_production', producingAt: '2026-09-01' });
  await dated(p2, {
    negotiating: '2025-11-01T09:00:00+08:00',
    signed: '2025-12-20T09:00:00+08:00',
    under_construction: '2026-02-10T09:00:00+08:00',
    in_production: '2026-09-01T09:00:00+08:00',
  });

  const p3 = await project(staffB, {
    name: '轨道车辆零部件项目',
    capitalOrigin: 'domestic',
    totalInvestmentWan: 15000,
  });
  await move(staffB, p3, {
    to: 'registered',
    signedAt: '2026-05-05',
    contractedWan: 12000,
    localUscc: uscc('91320100000000030'),
  });
  await dated(p3, { negotiating: '2026-04-01T09:00:00+08:00', registered: '2026-05-05T09:00:00+08:00' });

  const p4 = await project(staffB, { name: '信号系统项目', totalInvestmentWan: 9000, responsibleLeaderId: leader.id });
  await dated(p4, { negotiating: '2026-02-01T09:00:00+08:00' });
  await t.dataSource.query(`UPDATE projects SET last_progress_at = now() - interval '60 days' WHERE id = $1`, [p4.id]);

  const p5 = await project(staffA, {
    name: '外资座椅项目',
    capitalOrigin: 'foreign',
    totalInvestmentWan: 8000,
    paidInWan: 3000,
  });
  await move(staffA, p5, { to: 'signed', signedAt: '2026-07-01', contractedWan: 7000 });
  await move(staffA, p5, { to: 'lost', reason: '投资方战略调整' });
  await dated(p5, {
    negotiating: '2026-06-01T09:00:00+08:00',
    signed: '2026-07-01T09:00:00+08:00',
    lost: '2026-08-01T09:00:00+08:00',
  });

  const p6 = await project(staffA, { name: '已删除项目', capitalOrigin: 'domestic', totalInvestmentWan: 1000 });
  await move(staffA, p6, { to: 'signed', signedAt: '2026-03-01', contractedWan: 900 });
  await dated(p6, { negotiating: '2026-02-01T09:00:00+08:00', signed: '2026-03-01T09:00:00+08:00' });
  await t.delete(`/api/projects/${p6.id}`, staffA.token);

  return {
    teamA,
    teamB,
    admin,
    leader,
    staffA,
    staffB,
    chainNode: node.id,
    chainCode: node.code,
    card,
    projects: { p1: p1.id, p2: p2.id, p3: p3.id, p4: p4.id, p5: p5.id, p6: p6.id },
  };
}
