import * as ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { uscc } from './dashboard-fixture';
import { TestApp, type TestUser } from './harness';

type Cells = Array<string | number | Date | null>;

/** A multipart/form-data body with the given fields and one file. */
function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer }) {
  const boundary = `----lianqiao${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
    );
    chunks.push(file.content, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** An .xlsx written the way large files are: exceljs' streaming writer. */
async function xlsx(rows: Cells[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = workbook.addWorksheet('数据');
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

const csv = (rows: Cells[]) =>
  rows
    .map((r) =>
      r
        .map((c) => (c === null ? '' : /[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c)))
        .join(','),
    )
    .join('\r\n');

describe('imports', () => {
  let t: TestApp;
  let leader: TestUser;
  let staffA: TestUser;
  let staffA2: TestUser;
  let staffB: TestUser;
  let existingCompany: { id: string; name: string; uscc: string };

  beforeAll(async () => {
    t = await TestApp.start('imports', { IMPORT_MAX_BYTES: '3000000', IMPORT_BATCH_ROWS: '1000' });
    const teamA = await t.createTeam('汽车专班');
    const teamB = await t.createTeam('轨交专班');
    leader = await t.createUser('imp.leader', 'leader');
    staffA = await t.createUser('imp.a', 'staff', teamA);
    staffA2 = await t.createUser('imp.a2', 'staff', teamA);
    staffB = await t.createUser('imp.b', 'staff', teamB);
    const company = await t.post(
      '/api/companies',
      { name: '长城汽车股份有限公司', uscc: uscc('91130600601000000') },
      leader.token,
    );
    existingCompany = company.body;
  });
  afterAll(() => t.close());

  const upload = async (user: TestUser, kind: string | null, file: { name: string; content: Buffer } | undefined) => {
    const body = multipart(kind ? { kind } : {}, file);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { ...body.headers, authorization: `Bearer ${user.token}` },
      payload: body.payload,
    });
    return { status: res.statusCode, body: res.json() };
  };
  const finished = async (id: string, user: TestUser) => {
    for (let i = 0; i < 600; i++) {
      const res = await t.get(`/api/imports/${id}`, user.token);
      if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('import did not finish');
  };
  const count = async (table: string) =>
    Number((await t.dataSource.query(`SELECT count(*) FROM ${table} WHERE deleted_at IS NULL`))[0].count);

  const LEAD_HEADER = [
    '线索名称',
    '企业名称',
    '统一社会信用代码',
    '来源',
    '状态',
    '负责人账号',
    '预计投资(万元)',
    '产业链环节',
    '下次跟进日期',
    '联系人',
    '联系电话',
    '备注',
  ];
  /** 3,000 leads: 1,000 companies (one existing by USCC, the rest new, each named by three rows), sources in Chinese and as codes. */
  const leadRows = (n = 3000): Cells[] => [
    LEAD_HEADER,
    ...Array.from({ length: n }, (_, i): Cells => [
      `导入线索${i + 1}`,
      i % 1000 === 0 ? null : `测试企业${i % 1000}有限公司`,
      i % 1000 === 0 ? existingCompany.uscc : null,
      i % 2 === 0 ? '推介会' : 'online',
      i % 3 === 0 ? '跟进中' : null,
      i % 4 === 0 ? 'imp.a2' : null,
      i * 10,
      i % 5 === 0 ? '动力电池' : null,
      i === 1 ? '2026/12/01 09:30' : null,
      i === 1 ? '王经理' : null,
      i === 1 ? '139 0000 1111' : null,
      null,
    ]),
  ];

  describe('GET /api/imports/templates/{kind}.xlsx', () => {
    it('gives a template with Chinese headers, the required ones marked, and instructions', async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/imports/templates/leads.xlsx',
        headers: { authorization: `Bearer ${staffA.token}` },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain(encodeURIComponent('线索导入模板.xlsx'));
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const header = Array.from(
        { length: 13 },
        (_, i) =>
          workbook
            .getWorksheet('数据')!
            .getRow(1)
            .getCell(i + 1).value,
      );
      expect(header).toEqual([
        '线索名称*',
        '企业名称',
        '统一社会信用代码',
        '来源*',
        '状态',
        '负责人账号',
        '预计投资(万元)',
        '产业链环节',
        '下次跟进日期',
        '联系人',
        '联系电话',
        '无效原因',
        '备注',
      ]);
      expect(workbook.getWorksheet('填写说明')!.getRow(2).getCell(1).value).toBe('线索名称');
    });

    it('has one for every kind, and 400 for an unknown one', async () => {
      for (const kind of ['companies', 'contacts', 'projects']) {
        expect(
          (
            await t.app.inject({
              method: 'GET',
              url: `/api/imports/templates/${kind}.xlsx`,
              headers: { authorization: `Bearer ${staffA.token}` },
            })
          ).statusCode,
        ).toBe(200);
      }
      const bad = await t.get('/api/imports/templates/cats.xlsx', staffA.token);
      expect([bad.status, bad.body.details[0].field]).toEqual([400, 'kind']);
      expect(
        (await t.get('/api/imports/columns/projects', staffA.token)).body.find(
          (c: { field: string }) => c.field === 'signedAt',
        ),
      ).toMatchObject({ header: '签约日期', required: false });
    });
  });

  describe('POST /api/imports (leads)', () => {
    let first: { id: string; createdCount: number };

    it('answers 202 at once, then checks and writes 3,000 rows, matching and creating companies', async () => {
      const leadsBefore = await count('leads');
      const companiesBefore = await count('companies');
      const res = await upload(staffA, 'leads', { name: '线索清单.xlsx', content: await xlsx(leadRows()) });
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({
        kind: 'leads',
        format: 'xlsx',
        fileName: '线索清单.xlsx',
        status: 'validating',
        createdById: staffA.id,
      });
      const done = await finished(res.body.id, staffA);
      expect(done).toMatchObject({
        status: 'done',
        totalRows: 3000,
        processedRows: 3000,
        errorCount: 0,
        createdCount: 3000,
        skippedCount: 0,
        companiesCreated: 999,
        errors: [],
      });
      first = done;
      expect((await count('leads')) - leadsBefore).toBe(3000);
      expect((await count('companies')) - companiesBefore).toBe(999);
    });

    it('writes each lead the way the form would: codes from Chinese labels, owner by username, company by USCC, chain segment by name', async () => {
      const [{ id }] = await t.dataSource.query(`SELECT id FROM leads WHERE name = '导入线索2'`);
      const lead = (await t.get(`/api/leads/${id}`, staffA.token)).body;
      expect(lead).toMatchObject({
        source: 'online',
        status: 'new',
        ownerId: staffA.id,
        teamId: staffA.teamId,
        companyName: '测试企业1有限公司',
        estimatedWan: 10,
        nextFollowUpAt: '2026-12-01T01:30:00.000Z',
        contactName: '王经理',
        contactMobile: '13900001111',
      });
      const byUscc = (await t.get(`/api/leads?companyId=${existingCompany.id}`, leader.token)).body.items.find(
        (l: { name: string }) => l.name === '导入线索1',
      );
      expect(byUscc).toMatchObject({
        name: '导入线索1',
        source: 'roadshow',
        status: 'following',
        ownerId: staffA2.id,
        chainNodeIds: [expect.any(String)],
      });
      const trail = await t.get(`/api/audit?entity=lead&entityId=${byUscc.id}`, leader.token);
      expect(trail.body.items[0]).toMatchObject({
        action: 'import',
        actorId: staffA.id,
        after: { name: '导入线索1', importId: first.id },
      });
    });

    it('creates no duplicates when the same file is imported again', async () => {
      const leadsBefore = await count('leads');
      const companiesBefore = await count('companies');
      const res = await upload(staffA, 'leads', { name: '线索清单.xlsx', content: await xlsx(leadRows()) });
      const done = await finished(res.body.id, staffA);
      expect(done).toMatchObject({ status: 'done', createdCount: 0, skippedCount: 3000, companiesCreated: 0 });
      expect([await count('leads'), await count('companies')]).toEqual([leadsBefore, companiesBefore]);
    });

    it('writes nothing when one row among thousands is bad, and lists that row, its column and why', async () => {
      const rows = leadRows(5000).map((r, i) => (i === 0 ? r : [`另一批${r[0]}`, ...r.slice(1)]));
      rows[3456][3] = '电视广告';
      rows[4000][10] = '12345';
      const leadsBefore = await count('leads');
      const companiesBefore = await count('companies');
      const res = await upload(staffA, 'leads', { name: 'bad.xlsx', content: await xlsx(rows) });
      const done = await finished(res.body.id, staffA);
      expect(done).toMatchObject({ status: 'failed', errorCount: 2, createdCount: 0, totalRows: 5000 });
      expect(done.message).toContain('2 处错误，未导入任何数据');
      expect(done.errors).toEqual([
        {
          row: 3457,
          column: '来源',
          message: '应为：推介会、走出去拜访、请进来来访、屏对屏/网络、扫码意向、以商招商、回归招商、其他',
        },
        { row: 4001, column: '联系电话', message: '请填写 11 位中国大陆手机号' },
      ]);
      expect([await count('leads'), await count('companies')]).toEqual([leadsBefore, companiesBefore]);
      const [{ staged }] = await t.dataSource.query(
        `SELECT count(*)::int AS staged FROM import_rows WHERE import_id = $1`,
        [res.body.id],
      );
      expect(staged).toBe(0);
      const errors = await t.app.inject({
        method: 'GET',
        url: `/api/imports/${res.body.id}/errors.csv`,
        headers: { authorization: `Bearer ${staffA.token}` },
      });
      expect(errors.statusCode).toBe(200);
      expect(errors.body.split('\r\n')).toEqual([
        '\uFEFF行号,列,问题',
        '3457,来源,应为：推介会、走出去拜访、请进来来访、屏对屏/网络、扫码意向、以商招商、回归招商、其他',
        '4001,联系电话,请填写 11 位中国大陆手机号',
        '',
      ]);
    });

    it('reads failed only once its staged rows are gone', async () => {
      const rows = leadRows(5000).map((r, i) => (i === 0 ? r : [`清理${r[0]}`, ...r.slice(1)]));
      rows[4500][3] = '电视广告';
      const res = await upload(staffA, 'leads', { name: 'late-bad.xlsx', content: await xlsx(rows) });
      const staged = async () =>
        (await t.dataSource.query(`SELECT count(*)::int AS n FROM import_rows WHERE import_id = $1`, [res.body.id]))[0]
          .n as number;
      // Holding a share lock on the first staged rows makes the clean-up's DELETE wait: the order is then visible.
      const holder = t.dataSource.createQueryRunner();
      await holder.connect();
      try {
        await holder.startTransaction();
        let held = 0;
        for (let i = 0; i < 500 && !held; i++) {
          held = (
            await holder.query(`SELECT row_no FROM import_rows WHERE import_id = $1 FOR KEY SHARE`, [res.body.id])
          ).length;
          if (!held) await new Promise((r) => setTimeout(r, 10));
        }
        expect(held).toBeGreaterThan(0);
        let waiting = 0;
        for (let i = 0; i < 600 && !waiting; i++) {
          [{ waiting }] = await t.dataSource.query(
            `SELECT count(*)::int AS waiting FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'DELETE FROM import_rows%'`,
          );
          if (!waiting) await new Promise((r) => setTimeout(r, 20));
        }
        expect(waiting).toBe(1);
        const during = (await t.get(`/api/imports/${res.body.id}`, staffA.token)).body;
        expect([during.status, await staged()]).toEqual(['validating', 4000]);
      } finally {
        await holder.commitTransaction();
        await holder.release();
      }
      expect(await finished(res.body.id, staffA)).toMatchObject({ status: 'failed', errorCount: 1 });
      expect(await staged()).toBe(0);
    });

    it('tells the uploader how each import ended, with a link back to it, and no one else', async () => {
      const mine = (await t.get('/api/notifications?limit=50', staffA.token)).body.items as Array<{
        kind: string;
        title: string;
        body: string;
        link: string;
      }>;
      const imports = (await t.get('/api/imports?limit=50', staffA.token)).body.items as Array<{
        id: string;
        fileName: string;
        status: string;
      }>;
      const finishedOnes = imports.filter((i) => i.status === 'done' || i.status === 'failed');
      expect(mine.filter((n) => n.kind === 'import_finished')).toHaveLength(finishedOnes.length);
      expect(mine).toContainEqual(
        expect.objectContaining({
          kind: 'import_finished',
          title: '导入完成：线索清单.xlsx',
          body: '新增 3000 条线索，新建企业 999 家',
          link: `/imports?kind=leads&import=${first.id}`,
        }),
      );
      const bad = imports.find((i) => i.fileName === 'bad.xlsx')!;
      expect(mine).toContainEqual(
        expect.objectContaining({
          kind: 'import_finished',
          title: '导入失败：bad.xlsx',
          body: expect.stringContaining('2 处错误，未导入任何数据'),
          link: `/imports?kind=leads&import=${bad.id}`,
        }),
      );
      const others = (await t.get('/api/notifications?limit=50', leader.token)).body.items as Array<{ kind: string }>;
      expect(others.filter((n) => n.kind === 'import_finished')).toEqual([]);
    });

    it('keeps staff from giving leads to another team', async () => {
      const res = await upload(staffA, 'leads', {
        name: 'x.csv',
        content: Buffer.from(
          csv([
            ['线索名称', '来源', '负责人账号'],
            ['跨专班线索', '其他', 'imp.b'],
          ]),
        ),
      });
      const done = await finished(res.body.id, staffA);
      expect(done.errors).toEqual([{ row: 2, column: '负责人账号', message: '只能把记录交给本专班的同事' }]);
    });

    it('fails with the missing required column named', async () => {
      const res = await upload(staffA, 'leads', {
        name: 'x.csv',
        content: Buffer.from(
          csv([
            ['名称', '备注'],
            ['某项目', '无来源列'],
          ]),
        ),
      });
      const done = await finished(res.body.id, staffA);
      expect(done).toMatchObject({ status: 'failed', errors: [{ row: 1, column: '来源', message: '缺少必填列' }] });
    });

    it('shows an import to its uploader and leaders only', async () => {
      expect((await t.get(`/api/imports/${first.id}`, staffB.token)).status).toBe(404);
      expect((await t.get(`/api/imports/${first.id}`, leader.token)).status).toBe(200);
      const mine = await t.get('/api/imports', staffA.token);
      expect(mine.body.items.every((i: { createdById: string }) => i.createdById === staffA.id)).toBe(true);
      expect((await t.get('/api/imports', staffB.token)).body.items).toEqual([]);
    });
  });

  describe('POST /api/imports (companies, contacts, projects)', () => {
    it('imports companies from a GBK CSV as Excel saves it, matching by USCC or name, never duplicating', async () => {
      const rows: Cells[] = [
        ['企业名称', '统一社会信用代码', '企业性质', '省份', '城市', '标签', '目标企业', '链主企业', '产业链环节'],
        [
          '比亚迪股份有限公司',
          uscc('91440300192317000'),
          '民企',
          '广东',
          '深圳',
          '世界500强、上市',
          '是',
          '是',
          '汽车/动力电池',
        ],
        ['长城汽车', null, '民企', '河北', '保定', null, '否', '否', null],
        ['宁德时代新能源科技股份有限公司', null, 'private', '福建', '宁德', 'listed', 'Y', 'N', null],
        ['比亚迪 股份有限公司', null, null, null, null, null, null, null, null],
      ];
      const content = encodeGbk(csv(rows));
      const before = await count('companies');
      const done = await finished(
        (await upload(leader, 'companies', { name: '企业名录.csv', content })).body.id,
        leader,
      );
      expect(done).toMatchObject({ status: 'done', format: 'csv', createdCount: 2, skippedCount: 2 });
      expect((await count('companies')) - before).toBe(2);
      const byd = (await t.get(`/api/companies?q=${encodeURIComponent('比亚迪')}`, leader.token)).body.items[0];
      expect(byd).toMatchObject({
        ownership: 'private',
        province: '广东',
        tags: ['global500', 'listed'],
        isTarget: true,
        isChainLeader: true,
      });
      const again = await finished(
        (await upload(leader, 'companies', { name: '企业名录.csv', content })).body.id,
        leader,
      );
      expect(again).toMatchObject({ status: 'done', createdCount: 0, skippedCount: 4 });
    });

    it('imports contacts onto companies found by name', async () => {
      const content = Buffer.from(
        csv([
          ['企业名称', '姓名', '职务', '手机', '邮箱'],
          ['长城汽车股份有限公司', '李总', '副总经理', '13800138000', 'li@example.com'],
          ['新建联系人企业', '赵经理', null, null, null],
        ]),
      );
      const done = await finished((await upload(staffA, 'contacts', { name: '联系人.csv', content })).body.id, staffA);
      expect(done).toMatchObject({ status: 'done', createdCount: 2, companiesCreated: 1 });
      const contacts =
        (await t.get(`/api/companies/${existingCompany.id}/contacts`, staffA.token)).body.items ??
        (await t.get(`/api/companies/${existingCompany.id}/contacts`, staffA.token)).body;
      expect(contacts.map((c: { name: string; mobile: string }) => [c.name, c.mobile])).toEqual([
        ['李总', '13800138000'],
      ]);
      expect(
        (await finished((await upload(staffA, 'contacts', { name: '联系人.csv', content })).body.id, staffA))
          .createdCount,
      ).toBe(0);
    });

    it('imports projects at their stage with the evidence, history dated by it, and names missing evidence', async () => {
      const header = [
        '项目名称',
        '企业名称',
        '阶段',
        '包保领导账号',
        '资本来源',
        '总投资(万元)',
        '合同额(万元)',
        '签约日期',
        '落地企业信用代码',
        '开工日期',
      ];
      const good = Buffer.from(
        csv([
          header,
          [
            '导入的开工项目',
            '长城汽车',
            '已开工',
            'imp.leader',
            '内资',
            '50000',
            '30000',
            '2025-06-01',
            uscc('91130600000000001'),
            '2026-02-01',
          ],
        ]),
      );
      const done = await finished((await upload(leader, 'projects', { name: 'p.csv', content: good })).body.id, leader);
      expect(done).toMatchObject({ status: 'done', createdCount: 1 });
      const project = (await t.get(`/api/projects?q=${encodeURIComponent('导入的开工项目')}`, leader.token)).body
        .items[0];
      expect(project).toMatchObject({
        stage: 'under_construction',
        companyId: existingCompany.id,
        responsibleLeaderId: leader.id,
        capitalOrigin: 'domestic',
        contractedWan: 30000,
        signedAt: '2025-06-01',
        startedAt: '2026-02-01',
      });
      const history = (await t.get(`/api/projects/${project.id}/history`, leader.token)).body.items;
      const order = ['negotiating', 'signed', 'registered', 'under_construction', 'in_production'];
      const rows = history
        .map((h: { toStage: string; at: string }) => [h.toStage, h.at])
        .sort((a: string[], b: string[]) => order.indexOf(a[0]) - order.indexOf(b[0]));
      expect(rows).toEqual([
        ['negotiating', '2025-05-31T16:00:00.000Z'],
        ['signed', '2025-05-31T16:00:00.000Z'],
        ['registered', '2025-05-31T16:00:00.000Z'],
        ['under_construction', '2026-01-31T16:00:00.000Z'],
      ]);
      const signed2025 = await t.get(
        '/api/projects?reachedStage=signed&reachedFrom=2025-01-01T00:00:00%2B08:00&reachedTo=2026-01-01T00:00:00%2B08:00',
        leader.token,
      );
      expect(signed2025.body.items.map((p: { id: string }) => p.id)).toEqual([project.id]);

      const bad = Buffer.from(
        csv([header, ['缺证明的项目', null, '已签约', 'imp.a', null, null, null, null, null, null]]),
      );
      const failed = await finished(
        (await upload(leader, 'projects', { name: 'p.csv', content: bad })).body.id,
        leader,
      );
      expect(failed.errors).toEqual([{ row: 2, column: '包保领导账号', message: '包保领导须为领导或管理员' }]);
      const bad2 = Buffer.from(
        csv([header, ['缺证明的项目', null, '已签约', null, null, null, null, null, null, null]]),
      );
      const failed2 = await finished(
        (await upload(leader, 'projects', { name: 'p.csv', content: bad2 })).body.id,
        leader,
      );
      expect(failed2.errors).toEqual([
        { row: 2, column: '签约日期', message: '阶段为该值时必填（签约日期）' },
        { row: 2, column: '合同额(万元)', message: '阶段为该值时必填（合同投资额（万元））' },
      ]);
    });
  });

  describe('POST /api/imports (bad uploads)', () => {
    it('refuses a file whose content is not what its name says (400)', async () => {
      const png = Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
        randomBytes(200),
      ]);
      for (const file of [
        { name: 'leads.xlsx', content: png },
        { name: 'leads.csv', content: png },
        { name: 'leads.xlsx', content: Buffer.from('线索名称,来源\n某项目,推介会\n') },
        { name: 'leads.csv', content: await xlsx([['线索名称', '来源']]) },
        { name: 'leads.xls', content: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), randomBytes(100)]) },
        { name: 'leads.txt', content: Buffer.from('线索名称,来源\n') },
      ]) {
        const res = await upload(staffA, 'leads', file);
        expect([file.name, res.status, res.body.details?.[0]?.field]).toEqual([file.name, 400, 'file']);
      }
    });

    it('refuses a file larger than IMPORT_MAX_BYTES with 413', async () => {
      const big = Buffer.alloc(3_100_000, 'a');
      const res = await upload(staffA, 'leads', { name: 'big.csv', content: big });
      expect(res.status).toBe(413);
      expect(res.body.message).toContain('文件过大');
    });

    it('refuses an unknown or missing kind, and a missing file (400)', async () => {
      const file = { name: 'x.csv', content: Buffer.from('线索名称,来源\n某项目,推介会\n') };
      for (const [kind, f, field] of [
        ['cats', file, 'kind'],
        [null, file, 'kind'],
        ['leads', undefined, 'file'],
      ] as const) {
        const res = await upload(staffA, kind, f);
        expect([kind, res.status, res.body.details?.[0]?.field]).toEqual([kind, 400, field]);
      }
      const notMultipart = await t.post('/api/imports', { kind: 'leads' }, staffA.token);
      expect(notMultipart.status).toBe(400);
    });
  });
});

/** GBK bytes of a string (what Excel writes for CSV on Chinese Windows), from Node's ICU. */
function encodeGbk(text: string): Buffer {
  // TextEncoder only writes UTF-8; build the GBK table from TextDecoder for the characters used.
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.from([hi, lo]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else {
      const code = table.get(ch);
      if (!code) throw new Error(`no GBK code for ${ch}`);
      bytes.push(...code);
    }
  }
  return Buffer.from(bytes);
}
