import { HttpException, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { CARD_CSS, CARD_SCRIPT, renderGonePage, renderNotFoundPage, renderNoticePage } from '@lianqiao/card';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { appConfig, type AppConfig } from '../../config/app.config';
import { CardImageAccess } from './card-image-access';
import { CardCacheService } from './card-cache.service';
import { referralCodeOf } from './card-interests.service';
import { CardOpensRecorder } from './card-opens.recorder';
import { publicBaseUrl } from './public-base-url';

const SLUG = /^[a-z0-9]{4,16}$/;
const IMAGE_FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-(sm|md|lg)\.webp$/;
const IMAGE_CACHE_BYTES = 64 * 1024 * 1024;
/** If-None-Match may list several tags, and a proxy that compresses turns ours weak (W/"…"). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  return !!header && header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** Only our own inline style and script may run on the page; nothing may frame it. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${sha256(CARD_CSS)}`,
  `script-src ${sha256(CARD_SCRIPT)}`,
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * /c/{slug} (the card page) and /c/img/{id}-{size}.webp (its images), outside the /api prefix and
 * straight on Fastify: no guard, pipe or interceptor stands between a scan and its page, and a page
 * view touches no database (the card comes from CardCacheService, the open goes to a buffer).
 */
@Injectable()
export class CardPagesRoutes implements OnModuleInit {
  private readonly logger = new Logger(CardPagesRoutes.name);
  private readonly images = new Map<string, Buffer>();
  private imageBytes = 0;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly cards: CardCacheService,
    private readonly opens: CardOpensRecorder,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
    private readonly imageAccess: CardImageAccess,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.get('/c/img/:file', (request, reply) => this.image(request, reply));
    // A person reads the card page: whatever stops it before the page (the edge refusing its URL, say) answers a page too.
    fastify.get(
      '/c/:slug',
      { errorHandler: (error, request, reply) => void this.pageError(error, request, reply) },
      (request, reply) => this.page(request, reply),
    );
  }

  private pageError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
    this.pageHeaders(reply);
    const status = error instanceof HttpException ? error.getStatus() : (error as { statusCode?: unknown }).statusCode;
    if (typeof status === 'number' && status < 500)
      return this.html(reply, 404, renderNotFoundPage(this.app.districtName));
    this.logger.error({ err: error, url: request.url }, 'card page failed');
    return this.unavailable(reply);
  }

  private pageHeaders(reply: FastifyReply): void {
    void reply
      .header('cache-control', 'no-cache')
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'strict-origin-when-cross-origin');
  }

  private unavailable(reply: FastifyReply): FastifyReply {
    return this.html(
      reply,
      503,
      renderNoticePage({ districtName: this.app.districtName, title: '页面暂时无法打开', message: '请稍后刷新重试。' }),
    );
  }

  private async page(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const { slug } = request.params as { slug: string };
    this.pageHeaders(reply);
    try {
      const lookup = SLUG.test(slug) ? await this.cards.lookup(slug) : ({ state: 'missing' } as const);
      if (lookup.state === 'missing') return this.html(reply, 404, renderNotFoundPage(this.app.districtName));
      if (lookup.state === 'gone') return this.html(reply, 410, renderGonePage(this.app.districtName));

      const referralCode = referralCodeOf((request.query as { r?: unknown }).r);
      if (request.method === 'GET') {
        this.opens.record({
          promoProjectId: lookup.projectId,
          referralCode,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? '',
        });
      }
      const page = this.cards.page(lookup, publicBaseUrl(this.app.publicBaseUrl, request), referralCode);
      void reply.header('etag', page.etag).header('vary', 'accept-encoding');
      if (etagMatches(request.headers['if-none-match'], page.etag)) return reply.code(304).send();
      void reply.header('content-type', 'text/html; charset=utf-8');
      if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
        return reply.header('content-encoding', 'gzip').send(this.cards.gzipOf(page));
      }
      return reply.send(page.html);
    } catch (error) {
      this.logger.error({ err: error, slug }, 'card page failed');
      return this.unavailable(reply);
    }
  }

  private html(reply: FastifyReply, status: number, html: string): FastifyReply {
    return reply.code(status).header('content-type', 'text/html; charset=utf-8').send(html);
  }

  /**
   * Image bytes never change under an id, so browsers and proxies may keep a published card's
   * images for a year. Any other image (a draft's, a working copy's, an unpublished card's) is
   * served only with the console's signed `k`, privately, until it expires (CardImageAccess).
   */
  private async image(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const match = IMAGE_FILE.exec((request.params as { file: string }).file);
    if (!match) return reply.code(404).header('cache-control', 'no-cache').send();
    const [file, imageId, size] = match;
    const k = (request.query as { k?: unknown } | undefined)?.k;
    const expires = await this.imageAccess.verify(imageId, typeof k === 'string' ? k : undefined);
    if (expires === null && !(await this.imageAccess.isPublic(imageId))) {
      return reply.code(404).header('cache-control', 'no-cache').send();
    }
    const etag = `"${file}"`;
    const cacheControl =
      expires === null
        ? 'public, max-age=31536000, immutable'
        : `private, max-age=${Math.max(0, Math.floor((expires - Date.now()) / 1000))}`;
    void reply.header('cache-control', cacheControl).header('etag', etag);
    if (etagMatches(request.headers['if-none-match'], etag)) return reply.code(304).send();
    let bytes = this.images.get(file);
    if (!bytes) {
      const [row] = (await this.dataSource.query(
        'SELECT bytes FROM promo_image_variants WHERE image_id = $1 AND size = $2',
        [imageId, size],
      )) as { bytes: Buffer }[];
      if (!row) return reply.code(404).header('cache-control', 'no-cache').send();
      bytes = row.bytes;
      this.remember(file, bytes);
    }
    return reply.header('content-type', 'image/webp').header('x-content-type-options', 'nosniff').send(bytes);
  }

  private remember(file: string, bytes: Buffer): void {
    if (bytes.length > IMAGE_CACHE_BYTES / 8) return;
    while (this.imageBytes + bytes.length > IMAGE_CACHE_BYTES && this.images.size) {
      const [oldest, old] = this.images.entries().next().value as [string, Buffer];
      this.images.delete(oldest);
      this.imageBytes -= old.length;
    }
    this.images.set(file, bytes);
    this.imageBytes += bytes.length;
  }
}
