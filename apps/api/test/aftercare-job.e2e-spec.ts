import { TestApp, type TestUser } from './harness';

describe('aftercare: the escalation job on the real clock', () => {
  let t: TestApp;
  let leader: TestUser;
  let staff: TestUser;
  let companyId: string;

  beforeAll(async () => {
    t = await TestApp.start('aftercare_job', { REQUEST_ESCALATION_INTERVAL_SECONDS: '1' });
    const admin = await t.createUser('root', 'admin');
    leader = await t.createUser('leader.wang', 'leader');
    staff = await t.createUser('staff.a', 'staff', await t.createTeam('汽车专班'));
    const company = (await t.post('/api/companies', { name: '实发汽车零部件有限公司' }, admin.token)).body;
    await t.patch(
      `/api/aftercare/companies/${company.id}`,
      { aftercareEligible: true, responsibleLeaderId: leader.id, version: 0 },
      admin.token,
    );
    companyId = company.id;
  });
  afterAll(() => t.close());

  it('escalates a request soon after its deadline passes, without anyone calling it (REQUEST_ESCALATION_INTERVAL_SECONDS=1)', async () => {
    const dueAt = new Date(Date.now() + 1500).toISOString();
    const created = await t.post(
      '/api/requests',
      { companyId, category: 'other', description: '到期即升级', dueAt },
      staff.token,
    );
    expect(created.status).toBe(201);
    let status = created.body.status as string;
    for (let waited = 0; status !== 'escalated' && waited < 8000; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      status = (await t.get(`/api/requests/${created.body.id}`, staff.token)).body.status;
    }
    expect(status).toBe('escalated');
    expect((await t.get('/api/notifications?kind=request_overdue', leader.token)).body.total).toBe(1);
  });
});
