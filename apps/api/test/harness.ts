import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Role } from '@lianqiao/contracts';
import type { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../tools/test-database';
import { createApp } from '../src/app.factory';
import { Team } from '../src/modules/org/team.entity';
import { UsersService } from '../src/modules/users/users.service';
import { ResponseContract } from './openapi-validator';

export const TEST_PASSWORD = 'Test-pass-2026';

/** The fields a 400 names in its details, sorted: what a bad-input test checks. */
export const fieldsNamed = (body: { details: Array<{ field: string }> }): string[] =>
  body.details.map((detail) => detail.field).sort();

export interface TestUser {
  id: string;
  username: string;
  role: Role;
  teamId: string | null;
  token: string;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * The real app on a database of this test file's own, spoken to through Fastify's inject
 * (no port needed). Call `close()` in afterAll.
 */
export class TestApp {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly dataSource: DataSource,
    private readonly dropDatabase: () => Promise<void>,
    private readonly contract: ResponseContract,
  ) {}

  static async start(label: string, env: Record<string, string> = {}): Promise<TestApp> {
    const serverUrl = process.env.TEST_DATABASE_SERVER_URL;
    if (!serverUrl) throw new Error('TEST_DATABASE_SERVER_URL is not set: run tests through `npm test`');
    const db = await createTestDatabase(serverUrl, label);
    Object.assign(process.env, { DATABASE_URL: db.url, DATABASE_POOL_SIZE: '5', LOG_LEVEL: 'silent', ...env });
    const app = await createApp({ logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const document = (await app.inject({ method: 'GET', url: '/api/docs-json' })).json();
    return new TestApp(app, app.get<DataSource>(getDataSourceToken()), db.drop, new ResponseContract(document));
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.dropDatabase();
  }

  async request(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, options: RequestOptions = {}) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const response = await this.app.inject({
      method,
      url,
      headers,
      ...(options.body !== undefined ? { payload: options.body as object } : {}),
    });
    const contentType = (response.headers['content-type'] ?? '').toString();
    const body = contentType.includes('json') ? response.json() : response.body;
    // Every response a test sees must be what the OpenAPI document says of that route and status.
    const mismatches = this.contract.check(method, url, response.statusCode, contentType, body);
    if (mismatches.length)
      throw new Error(`The response does not match the OpenAPI document:\n${mismatches.join('\n')}`);
    return { status: response.statusCode, body, headers: response.headers };
  }

  get = (url: string, token?: string) => this.request('GET', url, { token });
  post = (url: string, body: unknown, token?: string) => this.request('POST', url, { body, token });
  patch = (url: string, body: unknown, token?: string) => this.request('PATCH', url, { body, token });
  delete = (url: string, token?: string) => this.request('DELETE', url, { token });

  async login(username: string, password = TEST_PASSWORD): Promise<string> {
    const response = await this.post('/api/auth/login', { username, password });
    if (response.status !== 200) throw new Error(`login ${username} failed: ${JSON.stringify(response.body)}`);
    return response.body.accessToken as string;
  }

  /** A user created straight through the service (no admin token needed), already logged in. */
  async createUser(username: string, role: Role, teamId: string | null = null): Promise<TestUser> {
    const user = await this.app
      .get(UsersService)
      .create(null, { username, displayName: username, role, teamId, password: TEST_PASSWORD });
    return { id: user.id, username, role, teamId, token: await this.login(username) };
  }

  async createTeam(name: string): Promise<string> {
    return (await this.dataSource.getRepository(Team).save({ name })).id;
  }
}
