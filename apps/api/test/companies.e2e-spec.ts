import { TestApp, fieldsNamed, type TestUser } from './harness';

const HUAWEI = '914403001922038216';
const TENCENT = '91440300708461136T';

describe('chains, companies and contacts', () => {
  let t: TestApp;
  let admin: TestUser;
  let leader: TestUser;
  let staffA: TestUser;
  let staffA2: TestUser;
  let staffB: TestUser;

  beforeAll(async () => {
    t = await TestApp.start('companies');
    const teamA = await t.createTeam('汽车专班');
    const teamB = await t.createTeam('轨交专班');
    admin = await t.createUser('root', 'admin');
    leader = await t.createUser('leader', 'leader');
    staffA = await t.createUser('staff.a', 'staff', teamA);
    staffA2 = await t.createUser('staff.a2', 'staff', teamA);
    staffB = await t.createUser('staff.b', 'staff', teamB);
  });
  afterAll(() => t.close());

  const nodeByName = async (code: string, name: string): Promise<string> => {
    const tree = await t.get(`/api/chains/${code}`, staffA.token);
    const walk = (nodes: Array<{ id: string; name: string; children: unknown[] }>): string | undefined => {
      for (const n of nodes) {
        if (n.name === name) return n.id;
        const found = walk(n.children as typeof nodes);
        if (found) return found;
      }
      return undefined;
    };
    const id = walk(tree.body.nodes);
    if (!id) throw new Error(`no node ${name}`);
    return id;
  };

  describe('GET /api/chains', () => {
    it('lists the two seeded chains and the flat sectors', async () => {
      const { status, body } = await t.get('/api/chains', staffA.token);
      expect(status).toBe(200);
      const codes = body.items.map((c: { code: string }) => c.code);
      expect(codes.slice(0, 2)).toEqual(['automotive', 'rail_transit']);
      expect(codes).toEqual(expect.arrayContaining(['new_energy', 'digital_economy', 'food_agriculture']));
      const automotive = body.items.find((c: { code: string }) => c.code === 'automotive');
      expect(automotive).toMatchObject({ name: '汽车', kind: 'chain' });
      expect(automotive.nodeCount).toBeGreaterThanOrEqual(12);
    });
  });

  describe('GET /api/chains/:code', () => {
    it('gives each node its local and target counts and level', async () => {
      const battery = await nodeByName('automotive', '电芯与模组');
      for (const [i, name] of ['宁德时代甲', '宁德时代乙', '宁德时代丙'].entries()) {
        await t.post(
          '/api/companies',
          { name, chainNodeIds: [battery], isTarget: false, isChainLeader: i === 0 },
          staffA.token,
        );
      }
      await t.post('/api/companies', { name: '目标电池企业', chainNodeIds: [battery], isTarget: true }, staffA.token);
      const { status, body } = await t.get('/api/chains/automotive', staffA.token);
      expect(status).toBe(200);
      const parent = body.nodes.find((n: { name: string }) => n.name === '动力电池');
      const leaf = parent.children.find((n: { name: string }) => n.name === '电芯与模组');
      expect(leaf).toMatchObject({
        localCount: 3,
        targetCount: 1,
        level: 'strong',
        layer: 'upstream',
        chainLeaderNames: ['宁德时代甲'],
      });
      expect(parent).toMatchObject({ localCount: 3, targetCount: 1, level: 'strong' });
      const gap = body.nodes.find((n: { name: string }) => n.name === '充换电服务');
      expect(gap).toMatchObject({ localCount: 0, level: 'gap' });
      const rail = await t.get('/api/chains/rail_transit', staffA.token);
      expect(rail.body.nodes.map((n: { name: string }) => n.name)).toEqual(
        expect.arrayContaining([
          '碳纤维复合材料',
          '转向架',
          '牵引传动',
          '制动系统',
          '网络控制与信号',
          '车辆整车',
          '运维检修',
        ]),
      );
    });

    it('answers 404 for an unknown chain', async () => {
      expect((await t.get('/api/chains/no_such', staffA.token)).status).toBe(404);
    });
  });

  describe('taxonomy editing', () => {
    it('lets admins add, rename and remove segments, and nobody else', async () => {
      const added = await t.post(
        '/api/chains/new_energy/nodes',
        { name: '氢燃料电池', layer: 'midstream' },
        admin.token,
      );
      expect(added.status).toBe(201);
      const chain = await t.get('/api/chains/new_energy', staffA.token);
      expect(chain.body.kind).toBe('chain');
      expect(chain.body.nodes.map((n: { name: string }) => n.name)).toContain('氢燃料电池');
      const renamed = await t.patch(`/api/chain-nodes/${added.body.id}`, { name: '氢能', version: 1 }, admin.token);
      expect(renamed.body.name).toBe('氢能');
      expect((await t.post('/api/chains/new_energy/nodes', { name: 'x' }, staffA.token)).status).toBe(403);
      expect((await t.post('/api/chains/new_energy/nodes', { name: 'y' }, leader.token)).status).toBe(403);
      const child = await t.post(
        '/api/chains/new_energy/nodes',
        { name: '储氢', parentId: added.body.id },
        admin.token,
      );
      expect((await t.delete(`/api/chain-nodes/${added.body.id}`, admin.token)).status).toBe(422);
      expect((await t.delete(`/api/chain-nodes/${child.body.id}`, admin.token)).status).toBe(204);
      const cyclic = await t.patch(
        `/api/chain-nodes/${added.body.id}`,
        { parentId: added.body.id, version: 2 },
        admin.token,
      );
      expect(cyclic.status).toBe(400);
    });
  });

  describe('POST /api/companies', () => {
    it('creates a company with a valid USCC', async () => {
      const { status, body } = await t.post(
        '/api/companies',
        {
          name: '华为技术有限公司',
          uscc: HUAWEI.toLowerCase(),
          ownership: 'private',
          province: '广东省',
          city: '深圳市',
          tags: ['global500'],
        },
        staffA.token,
      );
      expect(status).toBe(201);
      expect(body).toMatchObject({
        name: '华为技术有限公司',
        uscc: HUAWEI,
        tags: ['global500'],
        isTarget: false,
        version: 1,
      });
    });

    it('refuses a USCC with a wrong check character, naming the field', async () => {
      const { status, body } = await t.post(
        '/api/companies',
        { name: '某公司', uscc: '914403001922038217' },
        staffA.token,
      );
      expect(status).toBe(400);
      expect(body.details).toEqual([{ field: 'uscc', message: '统一社会信用代码校验位错误' }]);
      expect((await t.get('/api/companies?q=某公司', staffA.token)).body.total).toBe(0);
    });

    it('refuses a USCC already used, naming the existing company', async () => {
      const { status, body } = await t.post('/api/companies', { name: '华为另一家', uscc: HUAWEI }, staffB.token);
      expect(status).toBe(409);
      expect(body.details[0]).toEqual({ field: 'uscc', message: expect.stringContaining('华为技术有限公司') });
    });

    it('warns of a likely duplicate name and creates it when confirmed', async () => {
      const warned = await t.post('/api/companies', { name: '华为技术 有限公司' }, staffB.token);
      expect(warned.status).toBe(409);
      expect(warned.body.details[0].field).toBe('name');
      const forced = await t.post(
        '/api/companies',
        { name: '华为技术 有限公司', allowDuplicateName: true },
        staffB.token,
      );
      expect(forced.status).toBe(201);
    });

    it('refuses unknown chain nodes, tags and fields', async () => {
      const bad = await t.post(
        '/api/companies',
        { name: '坏数据公司', chainNodeIds: ['00000000-0000-4000-8000-000000000000'], tags: ['famous'], color: 'red' },
        staffA.token,
      );
      expect(bad.status).toBe(400);
      expect(fieldsNamed(bad.body)).toEqual(['color', 'tags']);
      const unknownNode = await t.post(
        '/api/companies',
        { name: '坏数据公司', chainNodeIds: ['00000000-0000-4000-8000-000000000000'] },
        staffA.token,
      );
      expect(unknownNode.status).toBe(400);
      expect(unknownNode.body.details[0].field).toBe('chainNodeIds');
    });
  });

  describe('GET /api/companies', () => {
    it('finds companies by a two-character Chinese substring and by USCC prefix', async () => {
      await t.post('/api/companies', { name: '比亚迪汽车工业有限公司' }, staffA.token);
      await t.post('/api/companies', { name: '深圳市腾讯计算机系统有限公司', uscc: TENCENT }, staffA.token);
      const two = await t.get(`/api/companies?q=${encodeURIComponent('亚迪')}`, staffA.token);
      expect(two.body.items.map((c: { name: string }) => c.name)).toEqual(['比亚迪汽车工业有限公司']);
      const one = await t.get(`/api/companies?q=${encodeURIComponent('腾')}`, staffA.token);
      expect(one.body.total).toBe(1);
      const prefix = await t.get('/api/companies?q=914403007', staffA.token);
      expect(prefix.body.items.map((c: { uscc: string }) => c.uscc)).toEqual([TENCENT]);
    });

    it('matches the exact substring only, Latin letters in any case', async () => {
      await t.post('/api/companies', { name: '车电汽车电子有限公司' }, staffA.token);
      await t.post('/api/companies', { name: 'BYD Auto 深圳分公司' }, staffA.token);
      const names = async (q: string) =>
        (await t.get(`/api/companies?q=${encodeURIComponent(q)}`, staffA.token)).body.items.map(
          (c: { name: string }) => c.name,
        );
      // Every two-character piece of 汽车电汽 is in 车电汽车电…, but not the whole: no match.
      expect(await names('汽车电汽')).toEqual([]);
      expect(await names('汽车电子')).toEqual(['车电汽车电子有限公司']);
      expect(await names('byd auto')).toEqual(['BYD Auto 深圳分公司']);
      expect(await names('yd')).toEqual(['BYD Auto 深圳分公司']);
      expect(await names('50%')).toEqual([]);
    });

    it('filters by chain node and target flag and sorts by name', async () => {
      const battery = await nodeByName('automotive', '电芯与模组');
      const { body } = await t.get(`/api/companies?chainNode=${battery}&isTarget=false&sort=name:asc`, staffB.token);
      expect(body.items.map((c: { name: string }) => c.name)).toEqual(
        ['宁德时代丙', '宁德时代乙', '宁德时代甲'].sort(),
      );
    });
  });

  describe('contacts', () => {
    it('shows the mobile to the owner, the team and leaders, and masks it for other teams in the API', async () => {
      const company = await t.post('/api/companies', { name: '联系人测试公司' }, staffA.token);
      const created = await t.post(
        `/api/companies/${company.body.id}/contacts`,
        { name: '王总', title: '总经理', mobile: '13812341234', wechat: 'wang_zong' },
        staffA.token,
      );
      expect(created.status).toBe(201);
      const url = `/api/companies/${company.body.id}/contacts`;
      for (const viewer of [staffA, staffA2, leader]) {
        const { body } = await t.get(url, viewer.token);
        expect(body.items[0]).toMatchObject({ mobile: '13812341234', mobileMasked: false, wechat: 'wang_zong' });
      }
      const other = await t.get(url, staffB.token);
      expect(other.body.items[0]).toMatchObject({
        name: '王总',
        mobile: '138****1234',
        mobileMasked: true,
        wechat: null,
      });
      expect(JSON.stringify(other.body)).not.toContain('13812341234');
      const edit = await t.patch(`${url}/${created.body.id}`, { title: 'x', version: 1 }, staffB.token);
      expect(edit.status).toBe(403);
    });

    it('refuses an invalid mobile number', async () => {
      const company = await t.post('/api/companies', { name: '手机号校验公司' }, staffA.token);
      const bad = await t.post(
        `/api/companies/${company.body.id}/contacts`,
        { name: '李', mobile: '12345' },
        staffA.token,
      );
      expect(bad.status).toBe(400);
      expect(bad.body.details[0].field).toBe('mobile');
    });
  });

  describe('PATCH /api/companies/:id', () => {
    it('refuses a stale version and keeps the newer data', async () => {
      const company = await t.post('/api/companies', { name: '版本测试公司' }, staffA.token);
      expect(
        (await t.patch(`/api/companies/${company.body.id}`, { city: '青岛市', version: 1 }, staffA.token)).status,
      ).toBe(200);
      const stale = await t.patch(`/api/companies/${company.body.id}`, { city: '济南市', version: 1 }, staffB.token);
      expect(stale.status).toBe(409);
      expect((await t.get(`/api/companies/${company.body.id}`, staffA.token)).body.city).toBe('青岛市');
    });
  });

  describe('POST /api/companies/:id/merge', () => {
    it('moves contacts, leads and timelines to the target and removes the duplicate', async () => {
      const target = await t.post(
        '/api/companies',
        { name: '中车青岛四方机车车辆股份有限公司', tags: ['china500'] },
        staffA.token,
      );
      const source = await t.post(
        '/api/companies',
        { name: '中车四方', tags: ['listed'], isChainLeader: true },
        staffB.token,
      );
      await t.post(`/api/companies/${source.body.id}/contacts`, { name: '张工' }, staffB.token);
      const lead = await t.post(
        '/api/leads',
        { name: '转向架配套', source: 'other', companyId: source.body.id },
        staffB.token,
      );
      await t.post(
        '/api/activities',
        {
          subjectType: 'company',
          subjectId: source.body.id,
          kind: 'visit',
          occurredAt: '2026-11-01T10:00:00+08:00',
          summary: '上门拜访',
        },
        staffB.token,
      );
      expect(
        (await t.post(`/api/companies/${target.body.id}/merge`, { sourceId: source.body.id }, staffA.token)).status,
      ).toBe(403);
      const merged = await t.post(`/api/companies/${target.body.id}/merge`, { sourceId: source.body.id }, leader.token);
      expect(merged.status).toBe(201);
      expect(merged.body.tags.sort()).toEqual(['china500', 'listed']);
      expect(merged.body.isChainLeader).toBe(true);
      expect((await t.get(`/api/companies/${source.body.id}`, leader.token)).status).toBe(404);
      expect(
        (await t.get(`/api/companies/${target.body.id}/contacts`, leader.token)).body.items.map(
          (c: { name: string }) => c.name,
        ),
      ).toEqual(['张工']);
      expect((await t.get(`/api/leads/${lead.body.id}`, staffB.token)).body.companyId).toBe(target.body.id);
      const timeline = await t.get(`/api/activities?subjectType=company&subjectId=${target.body.id}`, leader.token);
      expect(timeline.body.items.map((a: { summary: string }) => a.summary)).toContain('上门拜访');
      const trail = await t.get(`/api/audit?entity=company&entityId=${target.body.id}`, leader.token);
      expect(trail.body.items[0].action).toBe('merge');
    });
  });

  describe('GET /api/companies/:id/touches', () => {
    it('shows which teams work the company without their private details', async () => {
      const company = await t.post('/api/companies', { name: '撞单测试公司' }, staffA.token);
      await t.post('/api/leads', { name: '甲专班线索', source: 'online', companyId: company.body.id }, staffA.token);
      const { body } = await t.get(`/api/companies/${company.body.id}/touches`, staffB.token);
      expect(body.items).toEqual([
        { teamId: staffA.teamId, teamName: '汽车专班', leadCount: 1, projectCount: 0, lastActedAt: expect.any(String) },
      ]);
      expect(JSON.stringify(body)).not.toContain('甲专班线索');
    });
  });

  describe('DELETE and restore', () => {
    it('soft-deletes (leaders) and restores (admins) with the audit trail', async () => {
      const company = await t.post('/api/companies', { name: '删除恢复公司' }, staffA.token);
      expect((await t.delete(`/api/companies/${company.body.id}`, staffA.token)).status).toBe(403);
      expect((await t.delete(`/api/companies/${company.body.id}`, leader.token)).status).toBe(204);
      expect((await t.get(`/api/companies/${company.body.id}`, staffA.token)).status).toBe(404);
      const deleted = await t.get('/api/companies?deleted=true', admin.token);
      expect(deleted.body.items.map((c: { name: string }) => c.name)).toContain('删除恢复公司');
      expect((await t.post(`/api/companies/${company.body.id}/restore`, {}, admin.token)).status).toBe(201);
      expect((await t.get(`/api/companies/${company.body.id}`, staffA.token)).body.name).toBe('删除恢复公司');
      const trail = await t.get(`/api/audit?entity=company&entityId=${company.body.id}`, admin.token);
      expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual(['restore', 'delete', 'create']);
    });
  });
});
