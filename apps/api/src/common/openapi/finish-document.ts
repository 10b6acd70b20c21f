import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject, OperationObject, ReferenceObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import { IS_PUBLIC } from '../auth/decorators';
import { ErrorCode } from '@lianqiao/contracts';

export const ERROR_SCHEMA = 'ApiErrorBody';

/** The one error shape (API.md), as every 4xx and 5xx answer carries it. */
const errorBody: SchemaObject = {
  type: 'object',
  required: ['statusCode', 'error', 'code', 'message'],
  properties: {
    statusCode: { type: 'integer', example: 400 },
    error: { type: 'string', description: "the status's name", example: 'Bad Request' },
    code: {
      type: 'string',
      description: 'stable and machine-readable (e.g. `input.invalid`, `record.stale`): clients translate by it',
      enum: Object.values(ErrorCode),
      example: ErrorCode.InputInvalid,
    },
    message: { type: 'string', description: 'for people, Chinese first' },
    details: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: {
          field: { type: 'string' },
          message: { type: 'string' },
          meta: { type: 'object', additionalProperties: true },
        },
      },
    },
  },
};

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

/**
 * What @nestjs/swagger cannot say from decorators, added to the generated document in one place:
 * the error schema on every operation's 4xx/5xx, `security` per operation (`[]` on @Public()
 * routes), and nullable references in a form strict OpenAPI 3.0 readers accept.
 */
export function finishDocument(app: INestApplication, document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components ??= {}).schemas ?? (document.components.schemas = {});
  schemas[ERROR_SCHEMA] = errorBody;
  for (const schema of Object.values(schemas)) nullableReferences(schema);

  const publicOperations = publicOperationIds(app);
  const errorRef = { $ref: `#/components/schemas/${ERROR_SCHEMA}` };
  for (const item of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation: OperationObject | undefined = item[method];
      if (!operation) continue;
      operation.security = publicOperations.has(operation.operationId ?? '') ? [] : [{ bearer: [] }];
      const responses = operation.responses;
      for (const [status, response] of Object.entries(responses)) {
        if (!/^[45]/.test(status) || !response || '$ref' in response) continue;
        (response as ResponseObject).content = { 'application/json': { schema: errorRef } };
      }
      // Any 4xx/5xx an operation does not name is still the one shape (400 input, 401, 404, 429, 503…).
      responses['4XX'] ??= { description: 'refused', content: { 'application/json': { schema: errorRef } } };
      responses['5XX'] ??= {
        description: 'failed (503: the database is unavailable)',
        content: { 'application/json': { schema: errorRef } },
      };
    }
  }
  return document;
}

/**
 * `{allOf: [{$ref}], nullable: true}` (what @nestjs/swagger makes of a nullable DTO property) is
 * not nullable to a strict 3.0 reader: `nullable` widens only a `type` beside it, and the allOf
 * still demands the object. `oneOf: [{$ref}, {enum: [null]}]` says the same thing in plain JSON Schema.
 */
function nullableReferences(schema: SchemaObject | ReferenceObject): void {
  if ('$ref' in schema) return;
  for (const property of Object.values(schema.properties ?? {})) {
    if ('$ref' in property) continue;
    if (property.nullable && property.allOf?.length === 1) {
      const [reference] = property.allOf;
      delete property.allOf;
      delete property.nullable;
      delete property.type;
      property.oneOf = [reference, { enum: [null] }];
    }
    // A nullable enum allows null only if the enum lists it (the 3.0.3 reading of `nullable`).
    if (property.nullable && property.enum && !property.enum.includes(null)) property.enum = [...property.enum, null];
    nullableReferences(property);
  }
  if (schema.items) nullableReferences(schema.items);
}

/** Operation ids (`Controller_method`, @nestjs/swagger's default) of the routes marked @Public(). */
function publicOperationIds(app: INestApplication): Set<string> {
  const ids = new Set<string>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      const wholeClass = Reflect.getMetadata(IS_PUBLIC, controller) === true;
      for (const key of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[key];
        if (key === 'constructor' || typeof handler !== 'function') continue;
        if (wholeClass || Reflect.getMetadata(IS_PUBLIC, handler) === true) ids.add(`${controller.name}_${key}`);
      }
    }
  }
  return ids;
}
