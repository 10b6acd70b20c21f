import { ResponseContract } from './openapi-validator';

/** The harness's check must fail on what it is there to catch, or every e2e test's check is empty. */
describe(ResponseContract.name, () => {
  const sut = new ResponseContract({
    openapi: '3.0.0',
    paths: {
      '/api/things/{id}': {
        get: {
          responses: {
            '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
            '4XX': { content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiErrorBody' } } } },
          },
        },
        delete: { responses: { '204': { description: 'gone' } } },
      },
      '/api/things/special': { get: { responses: { '200': { description: 'a file' } } } },
    },
    components: {
      schemas: {
        Thing: {
          type: 'object',
          required: ['id', 'note', 'owner'],
          properties: {
            id: { type: 'string', format: 'uuid' },
            note: { type: 'string', nullable: true },
            owner: { oneOf: [{ $ref: '#/components/schemas/Person' }, { enum: [null] }] },
            kind: { type: 'string', enum: ['a', 'b', null], nullable: true },
          },
        },
        Person: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
        ApiErrorBody: {
          type: 'object',
          required: ['statusCode', 'error', 'message'],
          properties: { statusCode: { type: 'integer' }, error: { type: 'string' }, message: { type: 'string' } },
        },
      },
    },
  });
  const id = '6f1c1f34-6f7b-4a53-9a55-0b8f3e0f3f10';
  const json = 'application/json; charset=utf-8';

  it('accepts a body that matches, nulls included where the document allows them', () => {
    expect(sut.check('GET', `/api/things/${id}`, 200, json, { id, note: null, owner: null, kind: null })).toEqual([]);
    expect(sut.check('GET', `/api/things/${id}?x=1`, 200, json, { id, note: 'n', owner: { name: 'w' } })).toEqual([]);
  });

  it('reports a wrong type, a null where none is allowed, a missing field and a bad format', () => {
    expect(sut.check('GET', `/api/things/${id}`, 200, json, { id: 'nope', note: 3, owner: { name: null } })).toEqual([
      expect.stringContaining('/id must match format "uuid"'),
      expect.stringContaining('/note must be string,null'),
      expect.stringContaining('/owner/name must be string'),
      expect.stringContaining('/owner must be equal to one of the allowed values'),
      expect.stringContaining('/owner must match exactly one schema in oneOf'),
    ]);
    expect(sut.check('GET', `/api/things/${id}`, 200, json, { id, note: null })).toEqual([
      expect.stringContaining("must have required property 'owner'"),
    ]);
  });

  it('reports an undocumented status, and checks errors by their 4XX range', () => {
    expect(sut.check('GET', `/api/things/${id}`, 201, json, {})).toEqual([
      expect.stringContaining('status 201 is not documented'),
    ]);
    expect(
      sut.check('GET', `/api/things/${id}`, 404, json, { statusCode: 404, error: 'Not Found', message: 'm' }),
    ).toEqual([]);
    expect(sut.check('GET', `/api/things/${id}`, 404, json, { message: 'm' })).toHaveLength(2);
  });

  it('prefers a literal segment to a parameter, and checks only the status of a non-JSON body', () => {
    expect(sut.check('GET', '/api/things/special', 200, 'text/csv', 'a,b')).toEqual([]);
    expect(sut.check('GET', '/api/things/special', 200, json, { a: 1 })).toEqual([
      expect.stringContaining("gives /api/things/special's 200 no JSON schema"),
    ]);
    expect(sut.check('DELETE', `/api/things/${id}`, 204, '', '')).toEqual([]);
  });

  it('reports a JSON success from a route the document does not have', () => {
    expect(sut.check('GET', '/api/other', 200, json, {})).toEqual([
      expect.stringContaining('the route is not in the OpenAPI document'),
    ]);
    expect(sut.check('GET', '/api/other', 404, json, { statusCode: 404, error: 'Not Found', message: 'm' })).toEqual(
      [],
    );
  });
});
