import { TestApp } from './harness';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Every schema object in the document, with where it is (for the failure message). */
function schemasIn(value: unknown, at: string, out: Array<[string, Json]> = []): Array<[string, Json]> {
  if (!value || typeof value !== 'object') return out;
  if (Array.isArray(value)) {
    value.forEach((item, i) => schemasIn(item, `${at}[${i}]`, out));
    return out;
  }
  const object = value as Json;
  if ('type' in object || 'allOf' in object || 'oneOf' in object || '$ref' in object) out.push([at, object]);
  for (const [key, child] of Object.entries(object)) {
    if (key !== 'example') schemasIn(child, `${at}.${key}`, out);
  }
  return out;
}

const operationsOf = (doc: Json) =>
  Object.entries(doc.paths as Json).flatMap(([path, item]) =>
    Object.entries(item as Json).map(([method, operation]) => ({ path, method, operation: operation as Json })),
  );

/** What a client generator needs from the document: exact types, statuses, errors and security. */
describe('GET /api/docs-json (what a generated client relies on)', () => {
  let t: TestApp;
  let doc: Json;

  beforeAll(async () => {
    t = await TestApp.start('openapi', { PUBLIC_BASE_URL: 'https://zs.example.gov.cn' });
    doc = (await t.get('/api/docs-json')).body;
  });
  afterAll(() => t.close());

  it('types every property: no untyped object, no nullable beside allOf', () => {
    const loose = schemasIn(doc.components.schemas, 'schemas')
      .filter(([, s]) => s.type === 'object' && !s.properties && !s.additionalProperties && !s.allOf && !s.oneOf)
      .map(([at]) => at);
    const nullableAllOf = schemasIn(doc, 'doc')
      .filter(([, s]) => s.nullable && (s.allOf || s.oneOf || s.$ref))
      .map(([at]) => at);
    expect({ loose, nullableAllOf }).toEqual({ loose: [], nullableAllOf: [] });
  });

  it('gives nullable scalars their type and nullable references a oneOf with null', () => {
    const { schemas } = doc.components;
    expect(schemas.CreateLeadDto.properties.companyId).toEqual({ type: 'string', nullable: true });
    expect(schemas.CreateLeadDto.properties.estimatedWan).toMatchObject({ type: 'integer', nullable: true });
    expect(schemas.CreateLeadDto.properties.nextFollowUpAt).toEqual({
      type: 'string',
      format: 'date-time',
      nullable: true,
    });
    expect(schemas.CreateCompanyDto.properties.uscc).toMatchObject({ type: 'string', nullable: true });
    expect(schemas.TransitionDto.properties.note).toEqual({ type: 'string' });
    expect(schemas.ReportLeadResponseDto.properties.status).toMatchObject({ type: 'string', enum: expect.any(Array) });
    expect(schemas.DelegationResponseDto.properties.leader).toEqual({
      oneOf: [{ $ref: '#/components/schemas/UserRefResponseDto' }, { enum: [null] }],
    });
    expect(schemas.CompanyResponseDto.properties.ownership.enum).toContain(null);
  });

  it('gives every operation a summary, and every JSON success a schema', () => {
    const files = /\.(xlsx|csv|svg|png|zip|\{format\})$|\/templates\/|\/share$/;
    const missing = operationsOf(doc).flatMap(({ path, method, operation }) => {
      const problems: string[] = [];
      if (!operation.summary) problems.push(`${method} ${path}: no summary`);
      for (const [status, response] of Object.entries(operation.responses as Json)) {
        if (!status.startsWith('2') || status === '204' || files.test(path)) continue;
        if (!response.content) problems.push(`${method} ${path} ${status}: no schema`);
      }
      return problems;
    });
    expect(missing).toEqual([]);
  });

  it('documents lists with their envelope', () => {
    for (const [path, item] of [
      ['/api/leads', 'LeadResponseDto'],
      ['/api/projects', 'ProjectResponseDto'],
      ['/api/companies', 'CompanyResponseDto'],
      ['/api/users', 'UserResponseDto'],
      ['/api/activities', 'ActivityResponseDto'],
    ]) {
      expect({ path, schema: doc.paths[path].get.responses['200'].content['application/json'].schema }).toEqual({
        path,
        schema: expect.objectContaining({
          required: ['items', 'nextCursor', 'total'],
          properties: expect.objectContaining({
            items: { type: 'array', items: { $ref: `#/components/schemas/${item}` } },
            nextCursor: expect.objectContaining({ type: 'string', nullable: true }),
            total: expect.objectContaining({ type: 'integer' }),
            totalIsEstimate: expect.objectContaining({ type: 'boolean' }),
          }),
        }),
      });
    }
    expect(doc.paths['/api/projects/board'].get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/ProjectBoardResponseDto',
    });
    expect(doc.paths['/api/leads/{id}/convert'].post.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/ConvertLeadResponseDto',
    });
  });

  it('documents creations as 201', () => {
    for (const path of [
      '/api/leads',
      '/api/projects',
      '/api/companies',
      '/api/users',
      '/api/teams',
      '/api/activities',
    ]) {
      expect({ path, statuses: Object.keys(doc.paths[path].post.responses) }).toEqual({
        path,
        statuses: ['201', '4XX', '5XX'],
      });
    }
  });

  it('refers every 4xx and 5xx to the one error schema, code included', () => {
    expect(doc.components.schemas.ApiErrorBody.properties).toMatchObject({
      statusCode: { type: 'integer' },
      error: { type: 'string' },
      code: { type: 'string' },
      message: { type: 'string' },
      details: { type: 'array' },
    });
    const wrong = operationsOf(doc).flatMap(({ path, method, operation }) => {
      const responses = operation.responses as Json;
      const errors = Object.entries(responses).filter(([status]) => /^[45]/.test(status));
      const refs = errors.map(([, r]) => r.content?.['application/json']?.schema?.$ref);
      const ok =
        '4XX' in responses && '5XX' in responses && refs.every((r) => r === '#/components/schemas/ApiErrorBody');
      return ok ? [] : [`${method} ${path}`];
    });
    expect(wrong).toEqual([]);
  });

  it('marks the public routes security: [] and every other route bearer', async () => {
    const open = operationsOf(doc)
      .filter(({ operation }) => operation.security.length === 0)
      .map(({ method, path }) => `${method} ${path}`)
      .sort();
    expect(open).toEqual([
      'get /api/health',
      'get /api/health/ready',
      'get /api/public/cards/{slug}',
      'get /api/public/requests/feedback/{token}',
      'get /api/public/requests/{token}',
      'post /api/auth/login',
      'post /api/auth/refresh',
      'post /api/public/cards/{slug}/interest',
      'post /api/public/requests/feedback/{token}',
      'post /api/public/requests/{token}',
    ]);
    const others = operationsOf(doc).filter(({ operation }) => operation.security.length > 0);
    expect(others.every(({ operation }) => JSON.stringify(operation.security) === '[{"bearer":[]}]')).toBe(true);
    // And the unmarked ones really need a session.
    expect((await t.get('/api/leads')).status).toBe(401);
  });

  it('names its servers: this one, and PUBLIC_BASE_URL when set', () => {
    expect(doc.servers).toEqual([
      { url: '/', description: 'this server' },
      { url: 'https://zs.example.gov.cn', description: 'PUBLIC_BASE_URL' },
    ]);
  });
});
