import { SITE_ICON_SVG } from '@lianqiao/card';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';

const ICON_CACHE = 'public, max-age=604800';
const ICO_SIZES = [16, 32, 48];

/**
 * /favicon.svg and /favicon.ico, from the one icon in @lianqiao/card: browsers and WeChat ask for
 * /favicon.ico on every open of a card, and the console and the card pages link both. Served by the
 * API itself, so that they exist whether or not the console is built.
 */
export function registerSiteIcon(fastify: FastifyInstance): void {
  let ico: Promise<Buffer> | null = null;
  fastify.get('/favicon.svg', async (_request, reply) =>
    reply.type('image/svg+xml').header('cache-control', ICON_CACHE).send(SITE_ICON_SVG),
  );
  fastify.get('/favicon.ico', async (_request, reply) => {
    ico ??= icoOf(Buffer.from(SITE_ICON_SVG));
    return reply
      .type('image/x-icon')
      .header('cache-control', ICON_CACHE)
      .send(await ico);
  });
}

/** An .ico holding PNG images (every browser since IE 11 reads them) at the usual sizes. */
async function icoOf(svg: Buffer): Promise<Buffer> {
  const images = await Promise.all(
    ICO_SIZES.map((size) => sharp(svg, { density: 300 }).resize(size, size).png().toBuffer()),
  );
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach((png, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(ICO_SIZES[i], entry);
    header.writeUInt8(ICO_SIZES[i], entry + 1);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images]);
}
