/**
 * What an integrator writes against the client generated from the OpenAPI document — with no cast:
 * every request body, query and response is typed by the document alone. tools/openapi-client/check.ts
 * typechecks it in `npm run lint`; run it against a server with
 * `node -r @swc-node/register tools/openapi-client/example.ts http://127.0.0.1:3000 <username> <password>`.
 */
import type { components, paths } from '../../tmp/openapi-client/api';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** The paths that document a method. */
type PathsWith<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends { responses: unknown } ? P : never;
}[keyof paths];
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** What a success (200 or 201) answers. */
type Success<O> = O extends { responses: infer R }
  ? { [S in keyof R & (200 | 201)]: Json<R[S]> }[keyof R & (200 | 201)]
  : never;

type Options<O> = (O extends { parameters: { path: infer P extends Record<string, string> } }
  ? { path: P }
  : { path?: never }) &
  (O extends { parameters: { query?: infer Q extends Record<string, unknown> } } ? { query?: Q } : { query?: never }) &
  (O extends { requestBody: infer B } ? { body: Json<B> } : { body?: never });

/** What the implementation of `request` sees once the types have been checked at the call. */
interface LooseOptions {
  path?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
}

export type ApiErrorBody = components['schemas']['ApiErrorBody'];

export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(`${body.statusCode} ${body.code}: ${body.message}`);
  }
}

/** A minimal typed fetch over the generated `paths`: JSON in, JSON out, the one error shape on failure. */
export class ApiClient {
  token: string | null = null;

  constructor(private readonly baseUrl: string) {}

  get<P extends PathsWith<'get'>>(
    path: P,
    options: NoInfer<Options<paths[P]['get']>>,
  ): Promise<Success<paths[P]['get']>> {
    return this.request<Success<paths[P]['get']>>('GET', path, options);
  }

  post<P extends PathsWith<'post'>>(
    path: P,
    options: NoInfer<Options<paths[P]['post']>>,
  ): Promise<Success<paths[P]['post']>> {
    return this.request<Success<paths[P]['post']>>('POST', path, options);
  }

  patch<P extends PathsWith<'patch'>>(
    path: P,
    options: NoInfer<Options<paths[P]['patch']>>,
  ): Promise<Success<paths[P]['patch']>> {
    return this.request<Success<paths[P]['patch']>>('PATCH', path, options);
  }

  private async request<T>(method: string, path: string, options: LooseOptions): Promise<T> {
    let url = path;
    for (const [name, value] of Object.entries(options.path ?? {})) {
      url = url.replace(`{${name}}`, encodeURIComponent(String(value)));
    }
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) query.set(name, Array.isArray(value) ? value.join(',') : String(value));
    }
    const search = query.size > 0 ? `?${query.toString()}` : '';
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${url}${search}`, {
      method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
    });
    // JSON.parse, not a cast, is where the typed world begins: what it answers is the document's.
    const answer = JSON.parse(await response.text());
    if (!response.ok) throw new ApiError(answer);
    return answer;
  }
}

type Project = components['schemas']['ProjectResponseDto'];

/** Every stage and side state a project can be in, as the document enumerates them (a missing or extra one is a type error). */
const STAGE_LABELS: Record<Project['stage'], string> = {
  negotiating: '在谈',
  signed: '签约',
  registered: '注册',
  under_construction: '开工',
  in_production: '投产',
  on_hold: '暂缓',
  lost: '流失',
};

/** Logs in, lists leads with a filter, creates a company and a lead, and moves a project a stage on. */
export async function example(baseUrl: string, username: string, password: string): Promise<void> {
  const api = new ApiClient(baseUrl);
  const tokens = await api.post('/api/auth/login', { body: { username, password } });
  api.token = tokens.accessToken;
  console.log(`signed in as ${tokens.user.displayName} (${tokens.user.role}) until ${tokens.accessTokenExpiresAt}`);

  const following = await api.get('/api/leads', {
    query: { status: 'following', source: ['roadshow', 'outbound_visit'], limit: 20, sort: 'createdAt:desc' },
  });
  for (const lead of following.items) {
    const wan: number | null = lead.estimatedWan;
    console.log(`${lead.name} · ${lead.ownerName ?? '—'} · ${wan === null ? '—' : `${wan} 万元`}`);
  }
  console.log(`${following.total}${following.totalIsEstimate ? '+' : ''} leads being followed up`);

  const company = await api.post('/api/companies', {
    body: {
      name: `示例新能源科技有限公司 ${Date.now()}`,
      uscc: null,
      ownership: 'private',
      tags: ['srdi'],
      province: '江苏省',
    },
  });
  const lead = await api.post('/api/leads', {
    body: {
      name: `${company.name} 电池项目`,
      source: 'outbound_visit',
      companyId: company.id,
      estimatedWan: 50000,
      nextFollowUpAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      contactName: null,
    },
  });
  const status: 'new' | 'following' | 'qualified' | 'converted' | 'invalid' = lead.status;
  console.log(`lead ${lead.id} (${status}) for ${lead.companyName ?? company.name}`);

  const negotiating = await api.get('/api/projects', { query: { stage: 'negotiating', limit: 1 } });
  const project = negotiating.items[0];
  if (!project) return console.log('no project in negotiation to move on');
  const signed = await api.post('/api/projects/{id}/transitions', {
    path: { id: project.id },
    body: { to: 'signed', version: project.version, signedAt: new Date().toISOString(), contractedWan: 30000 },
  });
  console.log(
    `${signed.name}: ${STAGE_LABELS[project.stage]} → ${STAGE_LABELS[signed.stage]} (version ${signed.version})`,
  );
}

if (require.main === module) {
  const [baseUrl = 'http://127.0.0.1:3000', username = 'admin', password = ''] = process.argv.slice(2);
  example(baseUrl, username, password).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
