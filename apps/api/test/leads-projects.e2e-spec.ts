import { BOARD_CARD_FIELDS } from '@lianqiao/contracts';
import { TestApp, fieldsNamed, type TestUser } from './harness';
import { ProjectStageChange } from '../src/modules/projects/project-stage-change.entity';

describe('leads, follow-ups and the project pipeline', () => {
  let t: TestApp;
  let admin: TestUser;
  let leader: TestUser;
  let staffA: TestUser;
  let staffA2: TestUser;
  let staffB: TestUser;
  /** A source each team may point its leads at (a reference must be a record the caller may use). */
  let roadshowA: string;
  let roadshowB: string;
  let cardA: string;

  beforeAll(async () => {
    t = await TestApp.start('pipeline', { STALLED_DAYS: '30' });
    const teamA = await t.createTeam('汽车专班');
    const teamB = await t.createTeam('轨交专班');
    admin = await t.createUser('root', 'admin');
    leader = await t.createUser('leader', 'leader');
    staffA = await t.createUser('staff.a', 'staff', teamA);
    staffA2 = await t.createUser('staff.a2', 'staff', teamA);
    staffB = await t.createUser('staff.b', 'staff', teamB);
    const roadshow = {
      name: '推介会',
      city: '上海',
      startsAt: '2026-12-10T09:00:00+08:00',
      endsAt: '2026-12-10T17:00:00+08:00',
      format: 'offline',
    };
    roadshowA = (await t.post('/api/roadshows', roadshow, staffA.token)).body.id;
    roadshowB = (await t.post('/api/roadshows', roadshow, staffB.token)).body.id;
    cardA = (await t.post('/api/promo-projects', { kind: 'land', title: '地块' }, staffA.token)).body.id;
  });
  afterAll(() => t.close());

  const newLead = async (user: TestUser, body: Record<string, unknown> = {}) => {
    const res = await t.post(
      '/api/leads',
      { name: '动力电池项目', source: 'roadshow', estimatedWan: 50000, ...body },
      user.token,
    );
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body;
  };
  const newProject = async (user: TestUser, body: Record<string, unknown> = {}) => {
    const res = await t.post(
      '/api/projects',
      { name: '整车配套项目', totalInvestmentWan: 120000, ...body },
      user.token,
    );
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body;
  };

  describe('POST /api/leads', () => {
    it('creates a lead owned by the caller, in their team, with its source', async () => {
      const lead = await newLead(staffA, {
        sourceRefId: roadshowA,
        contactMobile: '13900001111',
      });
      expect(lead).toMatchObject({
        name: '动力电池项目',
        source: 'roadshow',
        sourceRefId: roadshowA,
        status: 'new',
        ownerId: staffA.id,
        ownerName: 'staff.a',
        teamId: staffA.teamId,
        estimatedWan: 50000,
        version: 1,
      });
    });

    it('names bad fields: source, money, mobile, unknown fields', async () => {
      const bad = await t.post(
        '/api/leads',
        { name: '', source: 'tv', estimatedWan: 1.5, contactMobile: '110', stage: 'x' },
        staffA.token,
      );
      expect(bad.status).toBe(400);
      expect(fieldsNamed(bad.body)).toEqual(['contactMobile', 'estimatedWan', 'name', 'source', 'stage']);
    });

    it('warns before creating a lead on a company another team works (撞单), then allows it when acknowledged', async () => {
      const company = await t.post('/api/companies', { name: '长城汽车股份有限公司' }, staffA.token);
      await newLead(staffA, { companyId: company.body.id });
      expect((await newLead(staffA2, { companyId: company.body.id })).status).toBe('new');
      const warned = await t.post(
        '/api/leads',
        { name: '轨交配套', source: 'online', companyId: company.body.id },
        staffB.token,
      );
      expect(warned.status).toBe(409);
      expect(warned.body.message).toContain('汽车专班');
      expect(warned.body.details[0].field).toBe('companyId');
      const ok = await t.post(
        '/api/leads',
        { name: '轨交配套', source: 'online', companyId: company.body.id, acknowledgeCollision: true },
        staffB.token,
      );
      expect(ok.status).toBe(201);
    });

    it('lets staff hand a lead to a teammate but not to another team', async () => {
      expect(
        (await t.post('/api/leads', { name: 'x', source: 'other', ownerId: staffA2.id }, staffA.token)).status,
      ).toBe(201);
      const leadsOfB = async () => (await t.get(`/api/leads?ownerId=${staffB.id}`, staffB.token)).body.total;
      const before = await leadsOfB();
      const refused = await t.post('/api/leads', { name: 'x', source: 'other', ownerId: staffB.id }, staffA.token);
      // A reference the caller may not use, like any other: 422 naming the field, and nothing written.
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ code: 'rule.violated', details: [{ field: 'ownerId' }] });
      expect(await leadsOfB()).toBe(before);
    });
  });

  describe('team scoping', () => {
    it("hides another team's leads and projects (404) while leaders see all", async () => {
      const lead = await newLead(staffA, { name: '保密线索' });
      const project = await newProject(staffA, { name: '保密项目' });
      expect((await t.get(`/api/leads/${lead.id}`, staffA2.token)).status).toBe(200);
      expect((await t.get(`/api/leads/${lead.id}`, staffB.token)).status).toBe(404);
      expect((await t.patch(`/api/leads/${lead.id}`, { name: '改名', version: 1 }, staffB.token)).status).toBe(404);
      expect((await t.delete(`/api/leads/${lead.id}`, staffB.token)).status).toBe(404);
      expect((await t.get(`/api/projects/${project.id}`, staffB.token)).status).toBe(404);
      expect(
        (await t.post(`/api/projects/${project.id}/transitions`, { to: 'lost', reason: 'x', version: 1 }, staffB.token))
          .status,
      ).toBe(404);
      expect((await t.get(`/api/activities?subjectType=lead&subjectId=${lead.id}`, staffB.token)).status).toBe(404);
      expect((await t.get(`/api/audit?entity=lead&entityId=${lead.id}`, staffB.token)).status).toBe(404);
      expect((await t.get(`/api/projects/${project.id}/history`, staffB.token)).status).toBe(404);
      const listB = await t.get('/api/leads?limit=200', staffB.token);
      expect(listB.body.items.every((l: { teamId: string }) => l.teamId === staffB.teamId)).toBe(true);
      expect((await t.get(`/api/leads/${lead.id}`, leader.token)).status).toBe(200);
      expect((await t.get(`/api/projects/${project.id}`, leader.token)).status).toBe(200);
    });
  });

  describe('PATCH /api/leads/:id', () => {
    it('needs a reason to mark a lead invalid', async () => {
      const lead = await newLead(staffA);
      const noReason = await t.patch(`/api/leads/${lead.id}`, { status: 'invalid', version: 1 }, staffA.token);
      expect(noReason.status).toBe(400);
      expect(noReason.body.details[0].field).toBe('invalidReason');
      const ok = await t.patch(
        `/api/leads/${lead.id}`,
        { status: 'invalid', invalidReason: '企业已在他地落户', version: 1 },
        staffA.token,
      );
      expect(ok.body).toMatchObject({ status: 'invalid', invalidReason: '企业已在他地落户', version: 2 });
    });

    it('refuses a stale version with 409 and cannot set converted directly', async () => {
      const lead = await newLead(staffA);
      await t.patch(`/api/leads/${lead.id}`, { estimatedWan: 1, version: 1 }, staffA.token);
      const stale = await t.patch(`/api/leads/${lead.id}`, { estimatedWan: 2, version: 1 }, staffA2.token);
      expect(stale.status).toBe(409);
      expect((await t.get(`/api/leads/${lead.id}`, staffA.token)).body.estimatedWan).toBe(1);
      expect((await t.patch(`/api/leads/${lead.id}`, { status: 'converted', version: 2 }, staffA.token)).status).toBe(
        400,
      );
    });

    it('is audited with before and after, visible to the team', async () => {
      const lead = await newLead(staffA);
      await t.patch(`/api/leads/${lead.id}`, { status: 'following', version: 1 }, staffA.token);
      const trail = await t.get(`/api/audit?entity=lead&entityId=${lead.id}`, staffA2.token);
      expect(trail.status).toBe(200);
      const update = trail.body.items.find((e: { action: string }) => e.action === 'update');
      expect(update).toMatchObject({ actorId: staffA.id, before: { status: 'new' }, after: { status: 'following' } });
    });
  });

  describe('activities', () => {
    it('logs a follow-up on a lead: the lead moves to following, the response clock stops, the next date is set', async () => {
      const lead = await newLead(staffA);
      const logged = await t.post(
        '/api/activities',
        {
          subjectType: 'lead',
          subjectId: lead.id,
          kind: 'call',
          occurredAt: '2026-11-24T09:30:00+08:00',
          summary: '电话沟通，对方计划下月来考察',
          nextStep: '安排考察行程',
          nextFollowUpAt: '2026-12-01T09:00:00+08:00',
        },
        staffA2.token,
      );
      expect(logged.status).toBe(201);
      expect(logged.body).toMatchObject({ kind: 'call', actorId: staffA2.id, nextStep: '安排考察行程' });
      const after = await t.get(`/api/leads/${lead.id}`, staffA.token);
      expect(after.body).toMatchObject({ status: 'following', nextFollowUpAt: '2026-12-01T01:00:00.000Z', version: 1 });
      expect(after.body.firstResponseAt).not.toBeNull();
      const timeline = await t.get(`/api/activities?subjectType=lead&subjectId=${lead.id}`, staffA.token);
      expect(timeline.body.items.map((a: { summary: string }) => a.summary)).toEqual(['电话沟通，对方计划下月来考察']);
    });

    it('refuses system kinds and a missing subject', async () => {
      const lead = await newLead(staffA);
      const sys = await t.post(
        '/api/activities',
        {
          subjectType: 'lead',
          subjectId: lead.id,
          kind: 'stage_change',
          occurredAt: '2026-11-24T09:30:00+08:00',
          summary: 'x',
        },
        staffA.token,
      );
      expect(sys.status).toBe(400);
      const missing = await t.post(
        '/api/activities',
        {
          subjectType: 'project',
          subjectId: lead.id,
          kind: 'call',
          occurredAt: '2026-11-24T09:30:00+08:00',
          summary: 'x',
        },
        staffA.token,
      );
      expect(missing.status).toBe(404);
    });

    it("shows staff only their own team's follow-ups on a shared company", async () => {
      const company = await t.post('/api/companies', { name: '共享企业' }, staffA.token);
      for (const user of [staffA, staffB]) {
        await t.post(
          '/api/activities',
          {
            subjectType: 'company',
            subjectId: company.body.id,
            kind: 'visit',
            occurredAt: '2026-11-20T10:00:00+08:00',
            summary: `${user.username} 拜访`,
          },
          user.token,
        );
      }
      const seenByB = await t.get(`/api/activities?subjectType=company&subjectId=${company.body.id}`, staffB.token);
      expect(seenByB.body.items.map((a: { summary: string }) => a.summary)).toEqual(['staff.b 拜访']);
      const seenByLeader = await t.get(
        `/api/activities?subjectType=company&subjectId=${company.body.id}`,
        leader.token,
      );
      expect(seenByLeader.body.total).toBe(2);
    });
  });

  describe('POST /api/leads/:id/convert', () => {
    it("converts only a qualified lead, into a negotiating project that keeps the lead's source", async () => {
      const refId = cardA;
      const lead = await newLead(staffA, { source: 'card_interest', sourceRefId: refId });
      const early = await t.post(`/api/leads/${lead.id}/convert`, { version: 1 }, staffA.token);
      expect(early.status).toBe(422);
      await t.patch(`/api/leads/${lead.id}`, { status: 'qualified', version: 1 }, staffA.token);
      const converted = await t.post(
        `/api/leads/${lead.id}/convert`,
        { version: 2, isKey: true, responsibleLeaderId: leader.id },
        staffA.token,
      );
      expect(converted.status).toBe(200);
      expect(converted.body.project).toMatchObject({
        name: '动力电池项目',
        stage: 'negotiating',
        leadId: lead.id,
        leadSource: 'card_interest',
        sourceRefId: refId,
        ownerId: staffA.id,
        teamId: staffA.teamId,
        totalInvestmentWan: 50000,
        isKey: true,
        responsibleLeaderName: 'leader',
        stalled: false,
      });
      const after = await t.get(`/api/leads/${lead.id}`, staffA.token);
      expect(after.body).toMatchObject({ status: 'converted', projectId: converted.body.project.id });
      expect(
        (await t.post(`/api/leads/${lead.id}/convert`, { version: after.body.version }, staffA.token)).status,
      ).toBe(422);
      expect(
        (await t.patch(`/api/leads/${lead.id}`, { name: 'x', version: after.body.version }, staffA.token)).status,
      ).toBe(422);
      const history = await t.get(`/api/projects/${converted.body.project.id}/history`, staffA.token);
      expect(history.body.items).toEqual([
        expect.objectContaining({ fromStage: null, toStage: 'negotiating', actorId: staffA.id }),
      ]);
    });

    it('refuses a staff member as responsible leader', async () => {
      const lead = await newLead(staffA);
      await t.patch(`/api/leads/${lead.id}`, { status: 'qualified', version: 1 }, staffA.token);
      const bad = await t.post(
        `/api/leads/${lead.id}/convert`,
        { version: 2, responsibleLeaderId: staffA2.id },
        staffA.token,
      );
      expect(bad.status).toBe(400);
      expect(bad.body.details[0].field).toBe('responsibleLeaderId');
      expect((await t.get(`/api/leads/${lead.id}`, staffA.token)).body.status).toBe('qualified');
    });
  });

  describe('POST /api/projects/:id/transitions', () => {
    it('refuses a forward move without its evidence with 422 naming what is missing', async () => {
      const project = await newProject(staffA);
      const { status, body } = await t.post(
        `/api/projects/${project.id}/transitions`,
        { to: 'signed', signedAt: '2026-11-01', version: 1 },
        staffA.token,
      );
      expect(status).toBe(422);
      expect(body.message).toContain('合同投资额');
      expect(body.details).toEqual([{ field: 'contractedWan', message: expect.any(String) }]);
      expect((await t.get(`/api/projects/${project.id}`, staffA.token)).body.stage).toBe('negotiating');
    });

    it('moves forward with evidence and writes history, timeline and audit', async () => {
      const project = await newProject(staffA);
      const moved = await t.post(
        `/api/projects/${project.id}/transitions`,
        { to: 'signed', signedAt: '2026-11-02', contractedWan: 80000, note: '推介会现场签约', version: 1 },
        staffA.token,
      );
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ stage: 'signed', signedAt: '2026-11-02', contractedWan: 80000, version: 2 });
      const history = await t.get(`/api/projects/${project.id}/history`, staffA.token);
      expect(
        history.body.items.map((h: { fromStage: string | null; toStage: string }) => [h.fromStage, h.toStage]),
      ).toEqual([
        [null, 'negotiating'],
        ['negotiating', 'signed'],
      ]);
      expect(history.body.items[1]).toMatchObject({
        note: '推介会现场签约',
        evidence: { signedAt: '2026-11-02', contractedWan: 80000 },
      });
      const timeline = await t.get(`/api/activities?subjectType=project&subjectId=${project.id}`, staffA.token);
      expect(timeline.body.items[0]).toMatchObject({
        kind: 'stage_change',
        summary: expect.stringContaining('在谈 → 已签约'),
      });
      const trail = await t.get(`/api/audit?entity=project&entityId=${project.id}`, staffA.token);
      expect(trail.body.items[0]).toMatchObject({
        action: 'transition',
        before: { stage: 'negotiating' },
        after: { stage: 'signed' },
      });
    });

    it("skips a stage only with the skipped stage's evidence", async () => {
      const project = await newProject(staffA);
      const skip = await t.post(
        `/api/projects/${project.id}/transitions`,
        { to: 'registered', localUscc: '914403001922038216', version: 1 },
        staffA.token,
      );
      expect(skip.status).toBe(422);
      expect(skip.body.details.map((d: { field: string }) => d.field)).toEqual(['signedAt', 'contractedWan']);
      const ok = await t.post(
        `/api/projects/${project.id}/transitions`,
        { to: 'registered', localUscc: '914403001922038216', signedAt: '2026-10-01', contractedWan: 1000, version: 1 },
        staffA.token,
      );
      expect(ok.body.stage).toBe('registered');
    });

    it("checks the local entity's USCC", async () => {
      const project = await newProject(staffA);
      const bad = await t.post(
        `/api/projects/${project.id}/transitions`,
        { to: 'registered', localUscc: '914403001922038217', signedAt: '2026-10-01', contractedWan: 1, version: 1 },
        staffA.token,
      );
      expect(bad.status).toBe(400);
      expect(bad.body.details[0].field).toBe('localUscc');
    });

    it('lets only leaders move back, and only with a reason', async () => {
      const project = await newProject(staffA);
      await t.post(
        `/api/projects/${project.id}/transitions`,
        { to: 'signed', signedAt: '2026-11-02', contractedWan: 1, version: 1 },
        staffA.token,
      );
      expect(
        (
          await t.post(
            `/api/projects/${project.id}/transitions`,
            { to: 'negotiating', reason: '合同作废', version: 2 },
            staffA.token,
          )
        ).status,
      ).toBe(403);
      const noReason = await t.post(
        `/api/projects/${project.id}/transitions`,
        { to: 'negotiating', version: 2 },
        leader.token,
      );
      expect(noReason.status).toBe(422);
      expect(noReason.body.details[0].field).toBe('reason');
      const back = await t.post(
        `/api/projects/${project.id}/transitions`,
        { to: 'negotiating', reason: '合同作废，重新谈判', version: 2 },
        leader.token,
      );
      expect(back.body.stage).toBe('negotiating');
    });

    it('holds and resumes to the former stage; drops, and only a leader revives', async () => {
      const project = await newProject(staffA);
      await t.post(
        `/api/projects/${project.id}/transitions`,
        { to: 'signed', signedAt: '2026-11-02', contractedWan: 1, version: 1 },
        staffA.token,
      );
      const held = await t.post(
        `/api/projects/${project.id}/transitions`,
        { to: 'on_hold', reason: '企业资金调整', version: 2 },
        staffA.token,
      );
      expect(held.body).toMatchObject({ stage: 'on_hold', heldStage: 'signed' });
      const resumed = await t.post(
        `/api/projects/${project.id}/transitions`,
        { to: 'signed', version: 3 },
        staffA.token,
      );
      expect(resumed.body).toMatchObject({ stage: 'signed', heldStage: null });
      const lost = await t.post(
        `/api/projects/${project.id}/transitions`,
        { to: 'lost', reason: '企业选择外地', version: 4 },
        staffA.token,
      );
      expect(lost.body.stage).toBe('lost');
      expect(
        (
          await t.post(
            `/api/projects/${project.id}/transitions`,
            { to: 'signed', reason: '重新洽谈', version: 5 },
            staffA.token,
          )
        ).status,
      ).toBe(403);
      expect(
        (
          await t.post(
            `/api/projects/${project.id}/transitions`,
            { to: 'registered', reason: 'x', version: 5 },
            leader.token,
          )
        ).status,
      ).toBe(422);
      const revived = await t.post(
        `/api/projects/${project.id}/transitions`,
        { to: 'signed', reason: '企业回心转意', version: 5 },
        leader.token,
      );
      expect(revived.body.stage).toBe('signed');
    });

    it('refuses a stale version and an unknown stage', async () => {
      const project = await newProject(staffA);
      expect(
        (await t.post(`/api/projects/${project.id}/transitions`, { to: 'lost', reason: 'x', version: 9 }, staffA.token))
          .status,
      ).toBe(409);
      expect(
        (await t.post(`/api/projects/${project.id}/transitions`, { to: 'done', version: 1 }, staffA.token)).status,
      ).toBe(400);
      expect((await t.patch(`/api/projects/${project.id}`, { stage: 'signed', version: 1 }, staffA.token)).status).toBe(
        400,
      );
    });
  });

  describe('stalled projects and the staff home page', () => {
    it('marks a project stalled after 30 days without movement and lists it; a follow-up revives it', async () => {
      const project = await newProject(staffA2, { name: '停滞项目' });
      await t.dataSource.query(`UPDATE projects SET last_progress_at = now() - interval '31 days' WHERE id = $1`, [
        project.id,
      ]);
      expect((await t.get(`/api/projects/${project.id}`, staffA2.token)).body.stalled).toBe(true);
      const mine = await t.get(`/api/projects?stalled=true&ownerId=${staffA2.id}`, staffA2.token);
      expect(mine.body.items.map((p: { name: string }) => p.name)).toEqual(['停滞项目']);
      await t.post(
        '/api/activities',
        {
          subjectType: 'project',
          subjectId: project.id,
          kind: 'meeting',
          occurredAt: '2026-11-24T10:00:00+08:00',
          summary: '约谈企业负责人',
        },
        staffA2.token,
      );
      expect((await t.get(`/api/projects/${project.id}`, staffA2.token)).body.stalled).toBe(false);
    });

    it('lists my overdue follow-ups', async () => {
      const lead = await newLead(staffA2, { name: '逾期线索', nextFollowUpAt: '2026-01-01T00:00:00+08:00' });
      await newLead(staffA2, { name: '未来线索', nextFollowUpAt: '2099-01-01T00:00:00+08:00' });
      const overdue = await t.get(`/api/leads?overdue=true&ownerId=${staffA2.id}`, staffA2.token);
      expect(overdue.body.items.map((l: { id: string }) => l.id)).toEqual([lead.id]);
    });
  });

  describe('GET /api/projects/board', () => {
    it("gives every stage a column with counts and 万元 sums over the caller's visible projects", async () => {
      const { status, body } = await t.get('/api/projects/board', staffB.token);
      expect(status).toBe(200);
      expect(body.columns.map((c: { stage: string }) => c.stage)).toEqual([
        'negotiating',
        'signed',
        'registered',
        'under_construction',
        'in_production',
        'on_hold',
        'lost',
      ]);
      expect(body.columns.every((c: { count: number }) => c.count === 0)).toBe(true);
      const all = await t.get('/api/projects/board', leader.token);
      const signed = all.body.columns.find((c: { stage: string }) => c.stage === 'signed');
      const list = await t.get('/api/projects?stage=signed&limit=200', leader.token);
      expect(signed.count).toBe(list.body.total);
      expect(signed.contractedWan).toBe(
        list.body.items.reduce((sum: number, p: { contractedWan: number | null }) => sum + (p.contractedWan ?? 0), 0),
      );
    });
  });

  describe('lists', () => {
    it('page with a cursor through every row exactly once', async () => {
      for (let i = 0; i < 7; i++) await newLead(staffB, { name: `分页线索${i}`, estimatedWan: i % 3 });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: Array<{ id: string }>; nextCursor: string | null; total: number } } = await t.get(
          `/api/leads?q=${encodeURIComponent('分页')}&sort=estimatedWan:desc&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
          staffB.token,
        );
        expect(page.body.total).toBe(7);
        seen.push(...page.body.items.map((l) => l.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(new Set(seen).size).toBe(7);
    });

    // The lists, the board and the project detail send JSON made by PostgreSQL; the records'
    // other answers are mapped in TypeScript. These hold the two to the same fields and values.
    it('gives lead list items exactly as GET gives each lead', async () => {
      const company = await t.post('/api/companies', { name: '列表字段电池有限公司' }, staffB.token);
      const tree = await t.get('/api/chains/automotive', staffB.token);
      const full = await newLead(staffB, {
        name: '列表字段线索甲',
        companyId: company.body.id,
        sourceRefId: roadshowB,
        chainNodeIds: [tree.body.nodes[0].id],
        contactName: '王总',
        contactMobile: '13900002222',
        notes: '对方关注土地指标',
        nextFollowUpAt: '2026-12-03T10:15:30.123+08:00',
      });
      await t.post(
        '/api/activities',
        {
          subjectType: 'lead',
          subjectId: full.id,
          kind: 'visit',
          occurredAt: '2026-11-20T15:00:00+08:00',
          summary: '上门拜访',
        },
        staffB.token,
      );
      const invalid = await newLead(staffB, { name: '列表字段线索乙', estimatedWan: null });
      await t.patch(
        `/api/leads/${invalid.id}`,
        { status: 'invalid', invalidReason: '已在外地落户', version: 1 },
        staffB.token,
      );

      const list = await t.get(`/api/leads?q=${encodeURIComponent('列表字段线索')}`, staffB.token);
      expect(list.headers['content-type']).toMatch(/^application\/json/);
      expect(list.body).toMatchObject({ nextCursor: null, total: 2 });
      // Newest first: the invalid one was created last.
      const [second, first] = list.body.items;
      expect(first).toEqual((await t.get(`/api/leads/${full.id}`, staffB.token)).body);
      expect(second).toEqual((await t.get(`/api/leads/${invalid.id}`, staffB.token)).body);
      expect(first).toMatchObject({
        companyName: '列表字段电池有限公司',
        status: 'following',
        nextFollowUpAt: '2026-12-03T02:15:30.123Z',
        firstResponseAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      });
      expect(second).toMatchObject({ estimatedWan: null, status: 'invalid', invalidReason: '已在外地落户' });
    });

    it('gives project list items, the detail, board cards (their fields) and the history exactly as they are written', async () => {
      const company = await t.post('/api/companies', { name: '列表字段整车有限公司' }, staffB.token);
      const created = await newProject(staffB, {
        name: '列表字段项目',
        companyId: company.body.id,
        codeName: 'X-01',
        isConfidential: true,
        capitalOrigin: 'foreign',
        capitalSource: '德国',
        fixedAssetWan: 90000,
        projectedJobs: 800,
        landMu: 120.5,
        factoryAreaM2: 56000,
        expectedOutputWan: 300000,
        expectedTaxWan: 12000,
      });
      const signed = await t.post(
        `/api/projects/${created.id}/transitions`,
        { to: 'signed', signedAt: '2026-11-02', contractedWan: 80000, version: 1 },
        staffB.token,
      );
      expect(signed.status).toBe(200);
      const written = signed.body;

      const detail = await t.get(`/api/projects/${created.id}`, staffB.token);
      expect(detail.headers['content-type']).toMatch(/^application\/json/);
      expect(detail.body).toEqual(written);
      expect(detail.body).toMatchObject({
        landMu: 120.5,
        signedAt: '2026-11-02',
        stalled: false,
        isConfidential: true,
      });
      const list = await t.get(`/api/projects?q=${encodeURIComponent('列表字段项目')}`, staffB.token);
      expect(list.body.items).toEqual([written]);
      const board = await t.get('/api/projects/board', staffB.token);
      const column = board.body.columns.find((c: { stage: string }) => c.stage === 'signed');
      const card = column.items.find((p: { id: string }) => p.id === created.id);
      expect(card).toEqual(Object.fromEntries(BOARD_CARD_FIELDS.map((field) => [field, written[field]])));

      const moves = await t.dataSource
        .getRepository(ProjectStageChange)
        .find({ where: { projectId: created.id }, order: { at: 'ASC', id: 'ASC' } });
      const history = await t.get(`/api/projects/${created.id}/history`, staffB.token);
      expect(history.headers['content-type']).toMatch(/^application\/json/);
      expect(history.body).toEqual({
        items: moves.map((move) => ({ ...move, at: move.at.toISOString() })),
        nextCursor: null,
        total: 2,
      });
      expect(history.body.items[1]).toMatchObject({
        fromStage: 'negotiating',
        toStage: 'signed',
        actorName: expect.any(String),
        evidence: { signedAt: '2026-11-02', contractedWan: 80000 },
      });
    });

    it('pages through a sort on a column with NULLs, NULLs last both ways, each row once', async () => {
      const wan = [null, 5, null, 1, 3, null, 3];
      const ids: string[] = [];
      for (const [i, estimatedWan] of wan.entries()) {
        ids.push((await newLead(staffB, { name: `空值排序线索${i}`, estimatedWan })).id);
      }
      const pageAll = async (sort: string) => {
        const seen: Array<{ id: string; estimatedWan: number | null }> = [];
        let cursor: string | null = null;
        do {
          const page: { body: { items: typeof seen; nextCursor: string | null } } = await t.get(
            `/api/leads?q=${encodeURIComponent('空值排序')}&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
            staffB.token,
          );
          seen.push(...page.body.items);
          cursor = page.body.nextCursor;
        } while (cursor);
        return seen;
      };
      for (const [sort, values] of [
        ['estimatedWan:desc', [5, 3, 3, 1, null, null, null]],
        ['estimatedWan:asc', [1, 3, 3, 5, null, null, null]],
      ] as const) {
        const seen = await pageAll(sort);
        expect(seen.map((l) => l.estimatedWan)).toEqual(values);
        expect(new Set(seen.map((l) => l.id))).toEqual(new Set(ids));
      }
    });

    it('rejects a malformed cursor with 400 naming it, also one made to look right', async () => {
      const crafted = Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', "x' OR 1=1"])).toString('base64url');
      for (const cursor of ['garbage', crafted]) {
        for (const path of ['/api/leads', '/api/projects', '/api/companies', '/api/roadshows', '/api/delegations']) {
          const res = await t.get(`${path}?cursor=${cursor}`, staffB.token);
          expect({ path, status: res.status, field: res.body.details?.[0]?.field }).toEqual({
            path,
            status: 400,
            field: 'cursor',
          });
        }
      }
    });
  });

  describe('DELETE and restore', () => {
    it('soft-deletes a lead and lets an admin restore it', async () => {
      const lead = await newLead(staffA);
      expect((await t.delete(`/api/leads/${lead.id}`, staffA.token)).status).toBe(204);
      expect((await t.get(`/api/leads/${lead.id}`, staffA.token)).status).toBe(404);
      expect((await t.post(`/api/leads/${lead.id}/restore`, {}, staffA.token)).status).toBe(403);
      expect((await t.post(`/api/leads/${lead.id}/restore`, {}, admin.token)).status).toBe(201);
      expect((await t.get(`/api/leads/${lead.id}`, staffA.token)).status).toBe(200);
    });
  });
});
