import { PROMO_IMAGE_SIZES, type CardImage, type PromoImageSize } from '@lianqiao/contracts';
import sharp from 'sharp';
import { EntityManager, In } from 'typeorm';
import { ApiError } from '../../common/errors/api-error';
import { PromoImage, PromoImageVariant } from './promo-image.entity';

const SIZES = Object.entries(PROMO_IMAGE_SIZES) as [PromoImageSize, number][];
/** Larger than any camera a promoter uses; stops decompression bombs before they expand. */
const MAX_INPUT_PIXELS = 60_000_000;

/** What the bytes are, by their first bytes (never by the file name or the declared type). */
export function sniffImageType(bytes: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') {
    return 'image/webp';
  }
  return null;
}

export interface ResizedImage {
  sourceType: string;
  width: number;
  height: number;
  variants: { size: PromoImageSize; width: number; height: number; bytes: Buffer }[];
}

/**
 * Checks an upload by its content and makes the web sizes: turned upright from its EXIF, never
 * enlarged, metadata (GPS included) dropped, WebP.
 */
export async function resizeForWeb(bytes: Buffer): Promise<ResizedImage> {
  const sourceType = sniffImageType(bytes);
  if (!sourceType) throw ApiError.field('file', '仅支持 JPEG、PNG 或 WebP 图片');
  try {
    const upright = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate().toBuffer();
    const variants = await Promise.all(
      SIZES.map(async ([size, width]) => {
        const { data, info } = await sharp(upright, { limitInputPixels: MAX_INPUT_PIXELS })
          .resize({ width, withoutEnlargement: true })
          .webp({ quality: 80 })
          .toBuffer({ resolveWithObject: true });
        return { size, width: info.width, height: info.height, bytes: data };
      }),
    );
    const largest = variants[variants.length - 1];
    return { sourceType, width: largest.width, height: largest.height, variants };
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw ApiError.field('file', '图片无法读取，可能已损坏或尺寸过大');
  }
}

export function imageTooLarge(maxBytes: number): ApiError {
  return ApiError.tooLarge(
    'file',
    `图片过大，最大 ${Math.floor(maxBytes / 1024 / 1024)} MB (file too large)`,
    maxBytes,
  );
}

export function imageUrl(imageId: string, size: PromoImageSize): string {
  return `/c/img/${imageId}-${size}.webp`;
}

/** Images by id, with their variants' sizes and URLs (never their bytes). */
/** `sign` adds the console's `?k=` (CardImageAccess) to the URLs; without it they are the public ones. */
export async function describeImages(
  manager: EntityManager,
  ids: string[],
  sign?: (imageId: string) => string,
): Promise<Map<string, CardImage>> {
  const unique = [...new Set(ids.filter(Boolean))];
  const described = new Map<string, CardImage>();
  if (!unique.length) return described;
  const [images, variants] = await Promise.all([
    manager.find(PromoImage, { where: { id: In(unique) } }),
    manager.find(PromoImageVariant, {
      select: { imageId: true, size: true, width: true, height: true },
      where: { imageId: In(unique) },
    }),
  ]);
  for (const image of images) {
    described.set(image.id, {
      id: image.id,
      width: image.width,
      height: image.height,
      variants: variants
        .filter((v) => v.imageId === image.id)
        .sort((a, b) => PROMO_IMAGE_SIZES[a.size] - PROMO_IMAGE_SIZES[b.size])
        .map((v) => ({
          size: v.size,
          width: v.width,
          height: v.height,
          url: imageUrl(image.id, v.size) + (sign ? `?k=${sign(image.id)}` : ''),
        })),
    });
  }
  return described;
}
