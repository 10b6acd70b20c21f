import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { publicCardOf, type PromoContentDto, type PublicCardDto } from '@lianqiao/contracts';
import { renderCardPage } from '@lianqiao/card';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { DataSource } from 'typeorm';
import { appConfig, type AppConfig } from '../../config/app.config';
import { describeImages } from '../promo-projects/promo-images';
import { PromoProjectVersion } from '../promo-projects/promo-project-version.entity';
import { PromoProject } from '../promo-projects/promo-project.entity';
import { cardsConfig, type CardsConfig } from './public-cards.config';
import { RedisService } from './redis.service';

const INVALIDATE_CHANNEL = 'lianqiao:cards:invalidate';
const MAX_CARDS = 5000;
const MAX_PAGES_PER_CARD = 200;

export interface RenderedPage {
  /** A string, not a Buffer: Node then sends headers and body in one write instead of a writev. */
  html: string;
  etag: string;
  gzip: Buffer | null;
}

export type CardLookup =
  | { state: 'missing' }
  | { state: 'gone'; projectId: string }
  | {
      state: 'live';
      projectId: string;
      card: PublicCardDto;
      expiresAt: number | null;
      pages: Map<string, RenderedPage>;
    };

interface Entry {
  lookup: CardLookup;
  loadedAt: number;
}

/** Builds the public whitelist from an approved snapshot: nothing else can reach the public. */
export function toPublicCard(
  slug: string,
  content: PromoContentDto,
  images: Awaited<ReturnType<typeof describeImages>>,
  districtName: string,
  publishedAt: Date | null,
): PublicCardDto {
  return publicCardOf(content, {
    slug,
    cover: content.coverImageId ? (images.get(content.coverImageId) ?? null) : null,
    gallery: content.galleryImageIds.map((id) => images.get(id)).filter((image) => image !== undefined),
    districtName,
    publishedAt: publishedAt?.toISOString() ?? null,
  });
}

/**
 * The public side's view of cards, by slug, kept in memory so that a page view costs no database
 * round trip. The instance that changes a card drops its entry at once; other instances hear of
 * it through Redis when there is one, and otherwise reload after CARD_CACHE_TTL_MS. Rendered pages
 * (per host and referral code) are cached inside the card's entry, with their ETag and gzip.
 */
@Injectable()
export class CardCacheService implements OnModuleInit {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<CardLookup>>();
  /** Bumped by every invalidation, so a load that started before it does not store what it read. */
  private readonly generations = new Map<string, number>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
    @Inject(cardsConfig.KEY) private readonly config: CardsConfig,
    private readonly redis: RedisService,
  ) {}

  onModuleInit(): void {
    this.redis.subscribe(INVALIDATE_CHANNEL, (slug) => this.forget(slug));
  }

  get districtName(): string {
    return this.app.districtName;
  }

  /** The card as the public sees it now: expiry counts at the moment of asking. */
  async lookup(slug: string): Promise<CardLookup> {
    const entry = this.entries.get(slug);
    const lookup = entry && Date.now() - entry.loadedAt < this.config.cacheTtlMs ? entry.lookup : await this.load(slug);
    if (lookup.state === 'live' && lookup.expiresAt !== null && lookup.expiresAt <= Date.now()) {
      return { state: 'gone', projectId: lookup.projectId };
    }
    return lookup;
  }

  /** Called in the same request that changed a card, after its transaction committed. */
  async invalidate(slug: string): Promise<void> {
    this.forget(slug);
    await this.redis.publish(INVALIDATE_CHANNEL, slug);
  }

  private forget(slug: string): void {
    this.generations.set(slug, (this.generations.get(slug) ?? 0) + 1);
    this.entries.delete(slug);
    this.loading.delete(slug);
  }

  /** The rendered page for one host and referral code, made once and then served from memory. */
  page(lookup: Extract<CardLookup, { state: 'live' }>, baseUrl: string, referralCode: string | null): RenderedPage {
    const key = `${baseUrl}|${referralCode ?? ''}`;
    let page = lookup.pages.get(key);
    if (!page) {
      const html = renderCardPage(lookup.card, { baseUrl, referralCode });
      page = { html, etag: `"${createHash('sha1').update(html).digest('base64url')}"`, gzip: null };
      if (lookup.pages.size >= MAX_PAGES_PER_CARD) lookup.pages.delete(lookup.pages.keys().next().value as string);
      lookup.pages.set(key, page);
    }
    return page;
  }

  gzipOf(page: RenderedPage): Buffer {
    page.gzip ??= gzipSync(page.html, { level: 9 });
    return page.gzip;
  }

  private load(slug: string): Promise<CardLookup> {
    let pending = this.loading.get(slug);
    if (!pending) {
      const read = this.read(slug).finally(() => {
        if (this.loading.get(slug) === read) this.loading.delete(slug);
      });
      pending = read;
      this.loading.set(slug, read);
    }
    return pending;
  }

  private async read(slug: string): Promise<CardLookup> {
    const startedAt = Date.now();
    const generation = this.generations.get(slug) ?? 0;
    const lookup = await this.dataSource.transaction('REPEATABLE READ', async (manager): Promise<CardLookup> => {
      const project = await manager.findOne(PromoProject, { where: { slug }, withDeleted: true });
      if (!project) return { state: 'missing' };
      if (project.deletedAt || project.status !== 'published' || !project.liveVersionId) {
        return { state: 'gone', projectId: project.id };
      }
      const version = await manager.findOneByOrFail(PromoProjectVersion, { id: project.liveVersionId });
      const images = await describeImages(manager, [
        ...(version.content.coverImageId ? [version.content.coverImageId] : []),
        ...version.content.galleryImageIds,
      ]);
      return {
        state: 'live',
        projectId: project.id,
        card: toPublicCard(slug, version.content, images, this.app.districtName, project.publishedAt),
        expiresAt: project.expiresAt?.getTime() ?? null,
        pages: new Map(),
      };
    });
    if ((this.generations.get(slug) ?? 0) !== generation) return lookup;
    if (this.entries.size >= MAX_CARDS) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(slug, { lookup, loadedAt: startedAt });
    return lookup;
  }
}
