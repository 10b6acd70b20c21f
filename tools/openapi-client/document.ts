import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { API_PREFIX, openApiDocument } from '../../apps/api/src/app.factory';
import { AppModule } from '../../apps/api/src/app.module';

/**
 * The API's OpenAPI document, as the server serves it at /api/docs-json, built without a database:
 * in Nest's preview mode the modules and controllers are scanned but no provider is created, so
 * TypeORM never connects. apps/api/test/openapi-preview.e2e-spec.ts holds it equal to the served one.
 */
export async function buildOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    app.setGlobalPrefix(API_PREFIX);
    return openApiDocument(app, process.env.PUBLIC_BASE_URL ?? null);
  } finally {
    await app.close();
  }
}
