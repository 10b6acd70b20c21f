import * as ExcelJS from 'exceljs';
import { buildDashboardFixture, type DashboardFixture } from './dashboard-fixture';
import { TestApp } from './harness';

describe('exports', () => {
  let t: TestApp;
  let f: DashboardFixture;

  beforeAll(async () => {
    t = await TestApp.start('exports', { DISTRICT_NAME: '示范区' });
    f = await buildDashboardFixture(t);
    // 600 more leads over both teams, sources and statuses, straight into the table.
    await t.dataSource.query(
      `INSERT INTO leads (name, source, status, owner_id, team_id, estimated_wan, created_at)
       SELECT format('批量线索%s', g), (ARRAY['roadshow','online','homecoming']::lead_source[])[1 + g % 3],
              (ARRAY['new','following','qualified']::lead_status[])[1 + g % 3],
              CASE WHEN g % 2 = 0 THEN $1::uuid ELSE $2::uuid END, CASE WHEN g % 2 = 0 THEN $3::uuid ELSE $4::uuid END,
              g * 10, '2026-06-01T00:00:00+08:00'::timestamptz + make_interval(hours => g)
         FROM generate_series(1, 600) g`,
      [f.staffA.id, f.staffB.id, f.teamA, f.teamB],
    );
  }, 120_000);
  afterAll(() => t.close());

  const download = async (url: string, token: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    return { status: res.statusCode, headers: res.headers, raw: res.rawPayload, json: () => res.json() };
  };
  const csvRows = (raw: Buffer) => {
    const text = raw.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    return text.slice(1).split('\r\n').filter(Boolean);
  };
  const sheetOf = async (raw: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(raw as unknown as ArrayBuffer);
    return workbook.worksheets[0];
  };
  const listTotal = async (path: string, query: string, token: string) =>
    (await t.get(`/api/${path}?${query}&limit=1`, token)).body.total as number;

  describe('GET /api/exports/leads.{xlsx|csv}', () => {
    it("exports as many rows as the list's total under the same filters, as CSV with Chinese headers", async () => {
      for (const query of [
        '',
        'source=roadshow',
        `teamId=${f.teamB}&status=following`,
        'source=online,homecoming&from=2026-06-10T00:00:00%2B08:00',
        `q=${encodeURIComponent('批量线索1')}`,
      ]) {
        const res = await download(`/api/exports/leads.csv?${query}`, f.leader.token);
        expect(res.status).toBe(200);
        const rows = csvRows(res.raw);
        expect([query, rows.length - 1]).toEqual([query, await listTotal('leads', query, f.leader.token)]);
      }
    });

    it('streams .xlsx with a frozen header row, read back cell by cell', async () => {
      const res = await download(
        `/api/exports/leads.xlsx?source=homecoming&teamId=${f.teamA}&sort=estimatedWan:asc`,
        f.leader.token,
      );
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="leads-\d{8}\.xlsx"; filename\*=UTF-8''%E7%BA%BF%E7%B4%A2-\d{8}\.xlsx$/,
      );
      const sheet = await sheetOf(res.raw);
      expect(sheet.name).toBe('线索');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const header = Array.from({ length: 9 }, (_, i) => sheet.getRow(1).getCell(i + 1).value);
      expect(header).toEqual([
        '线索名称',
        '企业名称',
        '统一社会信用代码',
        '来源',
        '状态',
        '负责人账号',
        '负责人',
        '专班',
        '预计投资(万元)',
      ]);
      const total = await listTotal('leads', `source=homecoming&teamId=${f.teamA}`, f.leader.token);
      expect(sheet.rowCount - 1).toBe(total);
      const first = sheet.getRow(2);
      // g = 2 is the first homecoming lead of team A (g % 3 = 2, g even); sorted by estimated 万元 ascending.
      expect([
        first.getCell(1).value,
        first.getCell(4).value,
        first.getCell(5).value,
        first.getCell(6).value,
        first.getCell(8).value,
        first.getCell(9).value,
      ]).toEqual(['批量线索2', '回归招商', '意向明确', 'dash.a', '汽车专班', 20]);
    });

    it('writes times as date cells at the district’s wall clock, and the same wall clock in CSV', async () => {
      const lead = await t.post(
        '/api/leads',
        { name: '时间格式线索', source: 'online', nextFollowUpAt: '2026-12-10T01:30:00Z' },
        f.staffA.token,
      );
      expect(lead.status).toBe(201);
      const before = Date.now();
      const sheet = await sheetOf(
        (await download(`/api/exports/leads.xlsx?q=${encodeURIComponent('时间格式线索')}`, f.staffA.token)).raw,
      );
      const header = Array.from({ length: sheet.columnCount }, (_, i) => String(sheet.getRow(1).getCell(i + 1).value));
      const cell = (name: string) => sheet.getRow(2).getCell(header.indexOf(name) + 1);
      expect(sheet.rowCount).toBe(2);
      // 01:30 UTC is 09:30 in Asia/Shanghai: what an office in the district expects to read.
      expect([cell('下次跟进日期').type, cell('下次跟进日期').value, cell('下次跟进日期').numFmt]).toEqual([
        ExcelJS.ValueType.Date,
        new Date('2026-12-10T09:30:00Z'),
        'yyyy-mm-dd hh:mm',
      ]);
      const created = cell('创建时间').value as Date;
      expect(cell('创建时间').type).toBe(ExcelJS.ValueType.Date);
      // Created just now: the wall clock is 8 hours ahead of UTC, to the second.
      expect(Math.abs(created.getTime() - (before + 8 * 3_600_000))).toBeLessThan(60_000);
      const csv = csvRows(
        (await download(`/api/exports/leads.csv?q=${encodeURIComponent('时间格式线索')}`, f.staffA.token)).raw,
      );
      expect(csv[1]).toContain(',2026-12-10 09:30,');
    });

    it('reads a day given for an instant as the district’s day, through the API as through an import', async () => {
      const lead = await t.post(
        '/api/leads',
        { name: '按日跟进线索', source: 'online', nextFollowUpAt: '2026-12-11' },
        f.staffA.token,
      );
      expect(lead.status).toBe(201);
      // Midnight in Asia/Shanghai, which is 16:00 UTC the day before — not UTC midnight (08:00 in the district).
      expect(Date.parse(lead.body.nextFollowUpAt)).toBe(Date.parse('2026-12-10T16:00:00Z'));
      const sheet = await sheetOf(
        (await download(`/api/exports/leads.xlsx?q=${encodeURIComponent('按日跟进线索')}`, f.staffA.token)).raw,
      );
      expect(sheet.getRow(2).getCell(11).value).toEqual(new Date('2026-12-11T00:00:00Z'));
    });

    it('gives staff only what their list shows them', async () => {
      const res = await download('/api/exports/leads.csv', f.staffB.token);
      const rows = csvRows(res.raw);
      expect(rows.length - 1).toBe(await listTotal('leads', '', f.staffB.token));
      expect(rows.slice(1).every((line) => line.includes(',轨交专班,'))).toBe(true);
    });

    it('refuses bad filters (400 naming the field) and an unknown format', async () => {
      const bad = await download('/api/exports/leads.csv?source=tv', f.leader.token);
      expect(bad.status).toBe(400);
      expect(bad.json().details[0].field).toBe('source');
      expect((await download('/api/exports/leads.pdf', f.leader.token)).status).toBe(400);
      expect((await download('/api/exports/leads.csv?sort=colour:asc', f.leader.token)).status).toBe(400);
      expect((await t.app.inject({ method: 'GET', url: '/api/exports/leads.csv' })).statusCode).toBe(401);
    });
  });

  describe('GET /api/exports/projects.{xlsx|csv} and companies', () => {
    it('exports exactly the projects the filters select', async () => {
      for (const query of [
        '',
        'stage=registered',
        'reachedStage=signed&reachedFrom=2026-01-01T00:00:00%2B08:00&reachedTo=2027-01-01T00:00:00%2B08:00',
        'stalled=true',
        `teamId=${f.teamA}`,
      ]) {
        const res = await download(`/api/exports/projects.csv?${query}`, f.leader.token);
        expect([query, csvRows(res.raw).length - 1]).toEqual([
          query,
          await listTotal('projects', query, f.leader.token),
        ]);
      }
      const sheet = await sheetOf(
        (await download('/api/exports/projects.xlsx?stage=under_construction', f.leader.token)).raw,
      );
      const row = sheet.getRow(2);
      const header = Array.from({ length: sheet.columnCount }, (_, i) => String(sheet.getRow(1).getCell(i + 1).value));
      const cell = (name: string) => row.getCell(header.indexOf(name) + 1).value;
      expect([
        cell('项目名称'),
        cell('阶段'),
        cell('总投资(万元)'),
        cell('合同额(万元)'),
        cell('到位资金(万元)'),
        cell('资本来源'),
        cell('签约日期'),
        cell('开工日期'),
      ]).toEqual([
        '动力电池项目',
        '已开工',
        80000,
        50000,
        20000,
        '内资',
        // Date cells on the district's day (exceljs reads a serial date back as that day's UTC midnight).
        new Date('2026-03-15T00:00:00Z'),
        new Date('2026-06-01T00:00:00Z'),
      ]);
      expect(row.getCell(header.indexOf('签约日期') + 1).numFmt).toBe('yyyy-mm-dd');
      expect(String(cell('产业链环节'))).toMatch(/^汽车\//);
    });

    it('exports companies, which every user sees', async () => {
      await t.post('/api/companies', { name: '=HYPERLINK("x") 测试企业' }, f.staffA.token);
      const res = await download('/api/exports/companies.csv', f.staffB.token);
      const rows = csvRows(res.raw);
      expect(rows.length - 1).toBe(await listTotal('companies', '', f.staffB.token));
      expect(rows.some((line) => line.startsWith(`"'=HYPERLINK(""x"") 测试企业"`))).toBe(true);
    });
  });

  describe('GET /api/exports/roadshows and delegations', () => {
    it('answers with the header row alone when there are none yet, or 404 before the feature exists', async () => {
      for (const list of ['roadshows', 'delegations']) {
        const res = await download(`/api/exports/${list}.csv`, f.leader.token);
        const [{ exists }] = await t.dataSource.query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [
          `public.${list}`,
        ]);
        if (exists) expect([res.status, csvRows(res.raw).length]).toEqual([200, 1]);
        else expect(res.status).toBe(404);
      }
    });
  });

  describe('GET /api/exports/weekly-report.xlsx', () => {
    it("lays out 项目推进情况表: title, period, groups by stage, this week's progress, subtotals and totals in 万元 and 亿元", async () => {
      const res = await download('/api/exports/weekly-report.xlsx', f.leader.token);
      expect(res.status).toBe(200);
      const sheet = await sheetOf(res.raw);
      const values = (n: number) => Array.from({ length: 10 }, (_, i) => sheet.getRow(n).getCell(i + 1).value ?? null);
      expect(sheet.getCell('A1').value).toBe('示范区重点项目推进情况表');
      expect(String(sheet.getCell('A2').value)).toMatch(/^统计期间：\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}$/);
      expect(values(3)).toEqual([
        '序号',
        '项目名称',
        '企业',
        '产业链',
        '总投资(万元)',
        '合同额(万元)',
        '到位资金(万元)',
        '本期进展',
        '负责人',
        '包保领导',
      ]);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
      expect(sheet.getColumn(8).width).toBe(56);
      const progressOf = (n: number) => String(sheet.getRow(n).getCell(8).value);
      const row = (n: number) => {
        const v = values(n);
        return [v[0], v[1], v[4], v[5], v[6], v[8], v[9]];
      };
      expect(sheet.getCell('A4').value).toBe('一、在谈项目（1个）');
      expect(row(5)).toEqual([1, '信号系统项目', 9000, null, null, 'dash.b', 'dash.leader']);
      expect(row(6)).toEqual([null, '小计（万元）', 9000, 0, 0, null, null]);
      expect(row(7)).toEqual([null, '小计（亿元）', 0.9, 0, 0, null, null]);
      expect(sheet.getCell('A8').value).toBe('二、已落地注册项目（1个）');
      expect(row(9)).toEqual([1, '轨道车辆零部件项目', 15000, 12000, null, 'dash.b', null]);
      expect(sheet.getCell('A12').value).toBe('三、已开工项目（1个）');
      expect(row(13)).toEqual([1, '动力电池项目', 80000, 50000, 20000, 'dash.a', null]);
      expect(values(13)[3]).toMatch(/^[^、]+$/);
      expect(
        progressOf(13)
          .split('\n')
          .map((line) => line.slice(6)),
      ).toEqual([
        '新建项目，进入「在谈」',
        '阶段变更：在谈 → 已签约',
        '阶段变更：已签约 → 已落地注册',
        '阶段变更：已落地注册 → 已开工',
      ]);
      expect(sheet.getCell('A16').value).toBe('四、已投产项目（1个）');
      expect(row(17)).toEqual([1, '整车配套项目', 40000, 30000, 10000, 'dash.a', null]);
      expect(row(18)).toEqual([null, '小计（万元）', 40000, 30000, 10000, null, null]);
      expect(row(20)).toEqual([null, '合计（万元）', 144000, 92000, 30000, null, null]);
      expect(values(20)[7]).toBe('共 4 个项目');
      expect(row(21)).toEqual([null, '合计（亿元）', 14.4, 9.2, 3, null, null]);
      expect(sheet.rowCount).toBe(21);
    });

    it("leaves out the timeline outside the period, and shows staff their own team's projects", async () => {
      const res = await download('/api/exports/weekly-report.xlsx?from=2026-01-01&to=2026-01-08', f.staffA.token);
      const sheet = await sheetOf(res.raw);
      expect(sheet.getCell('A2').value).toBe('统计期间：2026-01-01 至 2026-01-07');
      const names = [];
      for (let n = 4; n <= sheet.rowCount; n++) {
        const v = sheet.getRow(n).getCell(1).value;
        if (typeof v === 'number') {
          names.push(sheet.getRow(n).getCell(2).value);
          expect(sheet.getRow(n).getCell(8).value).toBeNull();
        }
      }
      expect(names).toEqual(['动力电池项目', '整车配套项目']);
      expect((await download(`/api/exports/weekly-report.xlsx?teamId=${f.teamB}`, f.staffA.token)).status).toBe(403);
      const bad = await download('/api/exports/weekly-report.xlsx?from=2026-02-01&to=2026-01-01', f.leader.token);
      expect([bad.status, bad.json().details[0].field]).toEqual([400, 'to']);
    });
  });

  // An export streams on after its response began. It ends its read transaction before it writes the
  // file's end, so a client with the whole file knows the server is done with the database; ending
  // it after, a shutdown in between left an error nobody could catch.
  it('ends its database transaction before the file ends', async () => {
    const open = async () =>
      (
        await t.dataSource.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
        )
      )[0].n as number;
    for (const url of ['/api/exports/weekly-report.xlsx', '/api/exports/leads.csv', '/api/exports/projects.xlsx']) {
      expect((await download(url, f.leader.token)).status).toBe(200);
      expect({ url, open: await open() }).toEqual({ url, open: 0 });
    }
  });
});
