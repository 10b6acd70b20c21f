import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { createValidationPipe } from './common/errors/validation';
import { clientErrorHandler, installInputGuard, routerRefusal } from './common/http/input-guard';
import { finishDocument } from './common/openapi/finish-document';
import { registerSiteIcon } from './common/http/site-icon';
import { RequestLogs, requestIdOf, rootLogger } from './common/logging/logger.options';
import { appConfig } from './config/app.config';

export const API_PREFIX = 'api';

/**
 * Builds the whole application — API, OpenAPI, the built console — ready to listen. Used by
 * main.ts and by the integration tests, so both run the very same thing.
 */
export async function createApp(options: { logger?: boolean } = {}): Promise<NestFastifyApplication> {
  const config = appConfig();
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    loggerInstance: rootLogger(config.logLevel),
    logController: new RequestLogs(),
    genReqId: requestIdOf,
    // X-Forwarded-For is believed from that many proxy hops only: otherwise a client could name its own address and slip past rate limits.
    trustProxy: config.trustProxyHops > 0 ? config.trustProxyHops : false,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: routerRefusal,
    clientErrorHandler,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    bufferLogs: true,
    logger: options.logger === false ? false : undefined,
    // The body parsers are the edge's own (installInputGuard), not Nest's.
    bodyParser: false,
  });
  if (options.logger !== false) app.useLogger(app.get(Logger));

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  installInputGuard(fastify, config.bodyLimitBytes);
  // Uploads (card images, imports): one file a request; each route sets its own size limit.
  await app.register(fastifyMultipart, { limits: { files: 1, fields: 10 } });
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter(spaFallback(config.webDistDir)));
  // No enableShutdownHooks(): main.ts owns SIGTERM/SIGINT and calls app.close() once.
  setUpOpenApi(app, config.publicBaseUrl);

  registerSiteIcon(fastify);
  if (existsSync(join(config.webDistDir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: config.webDistDir,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      // The build writes .br and .gz beside each asset (vite.config.mts): sent as the browser accepts.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => void reply.header('cache-control', consoleCacheControl(path)),
    });
  }
  return app;
}

function setUpOpenApi(app: INestApplication, publicBaseUrl: string | null): void {
  const document = openApiDocument(app, publicBaseUrl);
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json` });
}

/**
 * The OpenAPI document of an app whose global prefix is set. Also built from an app created with
 * `preview: true` (no database) by tools/openapi-client/check.ts, the typed-client check in `npm run lint`.
 */
export function openApiDocument(app: INestApplication, publicBaseUrl: string | null): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('连桥 Lianqiao API')
    .setDescription(
      '招商 CRM: chains, companies, leads, projects, roadshows, cards. Errors: ApiErrorBody {statusCode, error, code, message, details?: [{field, message, meta?}]}; code is stable (input.invalid, record.stale, …).',
    )
    .setVersion('1')
    .addBearerAuth()
    .addServer('/', 'this server');
  if (publicBaseUrl) builder.addServer(publicBaseUrl.replace(/\/+$/, ''), 'PUBLIC_BASE_URL');
  return finishDocument(app, SwaggerModule.createDocument(app, builder.build()));
}

/** Content-hashed assets never change under their name; index.html names the current ones. */
function consoleCacheControl(path: string): string {
  const file = path.replace(/\.(br|gz)$/, '');
  if (/[\\/]assets[\\/]/.test(file)) return 'public, max-age=31536000, immutable';
  return file.endsWith('.html') ? 'no-cache' : 'public, max-age=3600';
}

/**
 * A 404 for a console route (a GET for HTML outside /api and /c) gets the console's index.html,
 * so that deep links and reloads work; everything else keeps its JSON 404.
 */
function spaFallback(webDistDir: string) {
  const index = join(webDistDir, 'index.html');
  return (request: FastifyRequest, reply: FastifyReply): boolean => {
    const path = request.url.split('?')[0];
    const wantsHtml = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (!wantsHtml || path.startsWith(`/${API_PREFIX}/`) || path.startsWith('/c/') || !existsSync(index)) return false;
    void reply.header('cache-control', 'no-cache').sendFile('index.html', webDistDir);
    return true;
  };
}
