import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';

const DAY_MS = 24 * 60 * 60 * 1000;
const PUBLIC_TTL_MS = 60_000;

/**
 * Who may fetch a card image at /c/img/{id}-{size}.webp, where no bearer token can go (an <img>):
 * - anyone, when the image is on the approved live version of a published card (what /c/{slug} shows);
 * - otherwise only with the `k` the console's API answers carry: an HMAC of the image id and an
 *   expiry (the end of the next UTC day, so a URL stays the same all day and the browser caches it),
 *   handed out only to those who may see the card's working copy.
 * The HMAC key is generated once and kept in system_secrets, shared by every instance.
 */
@Injectable()
export class CardImageAccess {
  private key: Promise<Buffer> | null = null;
  /** Images known public, until when: a card taken down stops serving within a minute everywhere, at once here. */
  private readonly publicUntil = new Map<string, number>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A function that adds `?k=` to an image URL: what the console's answers use. */
  async signer(now = Date.now()): Promise<(imageId: string) => string> {
    const key = await this.secret();
    const expires = Math.ceil(now / DAY_MS) * DAY_MS + DAY_MS;
    return (imageId) => `${expires}.${mac(key, imageId, expires)}`;
  }

  /** The expiry (ms) of a valid token for this image, or null. */
  async verify(imageId: string, token: string | undefined, now = Date.now()): Promise<number | null> {
    if (!token) return null;
    const [expiresText, given] = token.split('.');
    const expires = Number(expiresText);
    if (!Number.isSafeInteger(expires) || expires <= now || !given) return null;
    const expected = Buffer.from(mac(await this.secret(), imageId, expires));
    const actual = Buffer.from(given);
    return actual.length === expected.length && timingSafeEqual(actual, expected) ? expires : null;
  }

  /** Whether the image is on the live version of a published card; a yes is remembered for a minute. */
  async isPublic(imageId: string, now = Date.now()): Promise<boolean> {
    if ((this.publicUntil.get(imageId) ?? 0) > now) return true;
    const [row] = (await this.dataSource.query(
      `SELECT EXISTS (
         SELECT 1 FROM promo_projects p JOIN promo_project_versions v ON v.id = p.live_version_id
          WHERE p.status = 'published' AND p.deleted_at IS NULL
            AND (v.content->>'coverImageId' = $1 OR v.content->'galleryImageIds' ? $1)) AS public`,
      [imageId],
    )) as Array<{ public: boolean }>;
    if (this.publicUntil.size > 10_000) this.publicUntil.clear();
    if (row.public) this.publicUntil.set(imageId, now + PUBLIC_TTL_MS);
    return row.public;
  }

  /** A card changed state: ask the database again. */
  forgetAll(): void {
    this.publicUntil.clear();
  }

  private secret(): Promise<Buffer> {
    this.key ??= (async () => {
      await this.dataSource.query(
        `INSERT INTO system_secrets (key, value) VALUES ('card_images', $1) ON CONFLICT (key) DO NOTHING`,
        [randomBytes(32).toString('base64url')],
      );
      const [row] = (await this.dataSource.query(
        `SELECT value FROM system_secrets WHERE key = 'card_images'`,
      )) as Array<{
        value: string;
      }>;
      return Buffer.from(row.value, 'base64url');
    })().catch((error: unknown) => {
      this.key = null;
      throw error;
    });
    return this.key;
  }
}

function mac(key: Buffer, imageId: string, expires: number): string {
  return createHmac('sha256', key).update(`${imageId}.${expires}`).digest('base64url').slice(0, 32);
}
