import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;

/** The id the document's components are known by to ajv, which `$ref`s are resolved against. */
const DOCUMENT_ID = 'https://lianqiao.invalid/openapi.json';

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  params: number;
  responses: Record<string, { content?: Record<string, { schema?: Json }> }>;
}

/**
 * Checks each response the tests get against the server's own OpenAPI document: the status must be
 * documented for the route (exactly, or by its `4XX`/`5XX` range, or `default`), and a JSON body
 * must match that status's schema. The document is OpenAPI 3.0; ajv wants JSON Schema, so
 * `nullable: true` becomes a type array and `$ref`s point into the document's components.
 * Non-JSON bodies (spreadsheets, images, HTML pages) are checked for their status only.
 */
export class ResponseContract {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly operations: Operation[];
  private readonly validators = new Map<string, ValidateFunction | null>();

  constructor(document: Json) {
    addFormats(this.ajv);
    const components = (document.components ?? {}) as Json;
    this.ajv.addSchema({ $id: DOCUMENT_ID, components: toJsonSchema(components) });
    this.operations = Object.entries(document.paths as Record<string, Record<string, Json>>)
      .flatMap(([template, item]) =>
        Object.entries(item).map(([method, operation]) => ({
          method: method.toUpperCase(),
          template,
          pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
          params: (template.match(/\{/g) ?? []).length,
          responses: operation.responses as Operation['responses'],
        })),
      )
      // A literal segment wins over a parameter: /api/projects/board before /api/projects/{id}.
      .sort((a, b) => a.params - b.params);
  }

  /** The mismatches between a response and the document; empty when it conforms. */
  check(method: string, url: string, status: number, contentType: string, body: unknown): string[] {
    const path = url.split('?')[0];
    // The document itself (and Swagger UI) is the one route it does not describe.
    if (path.startsWith('/api/docs')) return [];
    const isJson = contentType.includes('json');
    const operation = this.operations.find((o) => o.method === method && o.pattern.test(path));
    const where = `${method} ${path} → ${status}`;
    if (!operation) {
      // A route the document does not have: only the server's own 404/405 JSON errors are expected.
      if (!isJson) return [];
      return status >= 400
        ? this.validate('error', { $ref: '#/components/schemas/ApiErrorBody' }, body, where)
        : [`${where}: the route is not in the OpenAPI document`];
    }
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => operation.responses[k]);
    if (!key) {
      return [
        `${where}: status ${status} is not documented for ${method} ${operation.template} (documented: ${Object.keys(operation.responses).join(', ')})`,
      ];
    }
    if (!isJson) return [];
    const schema = operation.responses[key].content?.['application/json']?.schema;
    if (!schema) {
      return body === '' || body === undefined || body === null
        ? []
        : [`${where}: a JSON body, but the document gives ${operation.template}'s ${key} no JSON schema`];
    }
    return this.validate(`${operation.method} ${operation.template} ${key}`, schema, body, where);
  }

  private validate(id: string, schema: Json, body: unknown, where: string): string[] {
    let validator = this.validators.get(id);
    if (validator === undefined) {
      validator = this.ajv.compile(toJsonSchema(schema) as Json);
      this.validators.set(id, validator);
    }
    if (!validator || validator(body)) return [];
    return (validator.errors ?? []).map(
      (error) => `${where}: ${error.instancePath || '(body)'} ${error.message} ${JSON.stringify(error.params)}`,
    );
  }
}

/** OpenAPI 3.0 schema → JSON Schema (draft 7, as ajv 8 reads it). */
function toJsonSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJsonSchema);
  if (!value || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [key, child] of Object.entries(value as Json)) {
    if (key === '$ref' && typeof child === 'string') out.$ref = `${DOCUMENT_ID}${child}`;
    else if (key === 'nullable' || key === 'example') continue;
    else if (key === 'properties' && child && typeof child === 'object') {
      out.properties = Object.fromEntries(
        Object.entries(child).map(([name, property]) => [name, toJsonSchema(property)]),
      );
    } else out[key] = key === 'enum' ? child : toJsonSchema(child);
  }
  const schema = value as Json;
  if (schema.nullable === true && typeof schema.type === 'string') out.type = [schema.type, 'null'];
  return out;
}
