import { buildOpenApiDocument } from '../../../tools/openapi-client/document';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TEST_PASSWORD, TestApp } from './harness';

/**
 * `npm run lint` typechecks tools/openapi-client/example.ts against a client generated from the
 * document it builds without a database (tools/openapi-client/check.ts). Here: that document is the
 * one the server serves, and the example, typed by it alone, works against the real server. (The
 * example runs as its own process: it imports the generated types, which only the check writes.)
 */
const EXAMPLE = join(__dirname, '..', '..', '..', 'tools', 'openapi-client', 'example.ts');
describe('the typed client of `npm run lint`', () => {
  let t: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    t = await TestApp.start('openapi_client', { PUBLIC_BASE_URL: 'https://zs.example.gov.cn' });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = await t.app.getUrl();
  });
  afterAll(() => t.close());

  it('is generated from the very document the server serves', async () => {
    const served = (await t.get('/api/docs-json')).body;
    expect(JSON.parse(JSON.stringify(await buildOpenApiDocument()))).toEqual(served);
  });

  it('logs in, lists leads with a filter, creates a company and a lead, and moves a project a stage on', async () => {
    const staff = await t.createUser('typed_client', 'staff', await t.createTeam('类型化客户端组'));
    const created = await t.post('/api/projects', { name: '示例储能项目' }, staff.token);
    expect(created.status).toBe(201);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['-r', '@swc-node/register', EXAMPLE, baseUrl, staff.username, TEST_PASSWORD],
      { env: { ...process.env, SWC_NODE_PROJECT: join(__dirname, '..', '..', '..', 'tsconfig.json') } },
    );
    const lines = stdout.trim().split('\n');

    expect(lines[0]).toMatch(/^signed in as typed_client \(staff\) until 20\d\d-/);
    expect(lines).toContain('0 leads being followed up');
    const leads = (await t.get('/api/leads?q=电池项目', staff.token)).body;
    expect(leads.items).toEqual([
      expect.objectContaining({ source: 'outbound_visit', estimatedWan: 50000, status: 'new', ownerId: staff.id }),
    ]);
    const company = (await t.get(`/api/companies/${leads.items[0].companyId}`, staff.token)).body;
    expect(company).toMatchObject({ ownership: 'private', tags: ['srdi'], province: '江苏省', uscc: null });
    const project = (await t.get(`/api/projects/${created.body.id}`, staff.token)).body;
    expect(project).toMatchObject({ stage: 'signed', contractedWan: 30000, version: created.body.version + 1 });
    expect(lines.at(-1)).toBe(`示例储能项目: 在谈 → 签约 (version ${project.version})`);
  });
});
