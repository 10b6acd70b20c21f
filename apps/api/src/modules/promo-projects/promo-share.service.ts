import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  PROMO_KIND_LABELS,
  SHARE_SIZE_PIXELS,
  type PublicCardDto,
  type ShareFormat,
  type ShareSize,
} from '@lianqiao/contracts';
import { cardShareUrl, keyFigures } from '@lianqiao/card';
import JSZip from 'jszip';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { ApiError } from '../../common/errors/api-error';
import { CardCacheService } from '../public-cards/card-cache.service';
import { User } from '../users/user.entity';
import { SharePackageResponseDto } from './dto/share-stats.dto';
import { PromoProjectsService } from './promo-projects.service';

const QR_OPTIONS = { errorCorrectionLevel: 'M' as const, margin: 2 };

function qrSvg(url: string, pixels: number): Promise<string> {
  return QRCode.toString(url, { ...QR_OPTIONS, type: 'svg', width: pixels });
}

/** PNG drawn from the SVG by libvips: a print-size code in milliseconds, where qrcode's own PNG encoder takes seconds. */
async function qrPng(url: string, pixels: number): Promise<Buffer> {
  return sharp(Buffer.from(await qrSvg(url, pixels)))
    .resize(pixels, pixels)
    .flatten({ background: '#ffffff' })
    .png({ compressionLevel: 9, palette: true })
    .toBuffer();
}

/** WeChat's share text: district, title, one line of why, the key figures, then the link. */
export function shareText(card: PublicCardDto, url: string): string {
  const summary = card.summary.length > 60 ? `${card.summary.slice(0, 59)}…` : card.summary;
  const figures = keyFigures(card)
    .filter((f) => f.label !== '项目位置')
    .map((f) => `${f.label}${f.value}`)
    .join('，');
  return [`【${card.districtName}招商推介】${card.title}`, summary, figures, `详情及投资意向登记：${url}`]
    .filter(Boolean)
    .join('\n');
}

/**
 * "一键转发": each staff member's own link (with their referral code), its QR code and a text to
 * paste, for cards that are live. The poster is drawn by the console from `poster`.
 */
@Injectable()
export class PromoShareService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly projects: PromoProjectsService,
    private readonly cards: CardCacheService,
  ) {}

  async package(
    user: AuthUser,
    id: string,
    format: ShareFormat,
    size: ShareSize,
    baseUrl: string,
  ): Promise<SharePackageResponseDto> {
    const { card, referralCode } = await this.liveCard(user, id);
    const url = cardShareUrl(baseUrl, card.slug, referralCode);
    const pixels = SHARE_SIZE_PIXELS[size];
    const dataUrl =
      format === 'svg'
        ? `data:image/svg+xml;base64,${Buffer.from(await qrSvg(url, pixels)).toString('base64')}`
        : `data:image/png;base64,${(await qrPng(url, pixels)).toString('base64')}`;
    const cover = card.cover?.variants[card.cover.variants.length - 1];
    return {
      url,
      referralCode,
      text: shareText(card, url),
      qr: { format, size, pixels, mimeType: format === 'svg' ? 'image/svg+xml' : 'image/png', dataUrl },
      poster: {
        title: card.title,
        kindLabel: PROMO_KIND_LABELS[card.kind],
        summary: card.summary,
        coverUrl: cover ? `${baseUrl}${cover.url}` : null,
        districtName: card.districtName,
        figures: keyFigures(card),
        contactName: card.contactName,
        contactPhone: card.contactPhone,
      },
    };
  }

  /** A zip with, per card, the caller's link and text and its QR code as SVG and as PNG for screens and for print. */
  async zip(user: AuthUser, ids: string[], baseUrl: string): Promise<Buffer> {
    const cards = [];
    const notLive: string[] = [];
    for (const id of ids) {
      try {
        cards.push(await this.liveCard(user, id));
      } catch (error) {
        if (error instanceof ApiError && error.getStatus() === 422) notLive.push(id);
        else throw error;
      }
    }
    if (notLive.length) {
      throw ApiError.rule(
        `以下项目卡未在发布中，无法生成转发包：${notLive.join(', ')}`,
        notLive.map(() => ({ field: 'ids', message: '未发布' })),
      );
    }
    const zip = new JSZip();
    const index = ['标题,链接'];
    for (const { card, referralCode } of cards) {
      const url = cardShareUrl(baseUrl, card.slug, referralCode);
      const folder = zip.folder(card.slug)!;
      folder.file('share.txt', `${shareText(card, url)}\n`);
      folder.file('link.txt', `${url}\n`);
      folder.file('qr.svg', await qrSvg(url, SHARE_SIZE_PIXELS.screen));
      folder.file('qr-screen.png', await qrPng(url, SHARE_SIZE_PIXELS.screen));
      folder.file('qr-print.png', await qrPng(url, SHARE_SIZE_PIXELS.print));
      index.push(`"${card.title.replace(/"/g, '""')}",${url}`);
    }
    // A BOM so that Excel opens the Chinese titles as UTF-8.
    zip.file('cards.csv', `\uFEFF${index.join('\r\n')}\r\n`);
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }

  private async liveCard(user: AuthUser, id: string): Promise<{ card: PublicCardDto; referralCode: string }> {
    const project = await this.projects.get(user, id);
    const lookup = await this.cards.lookup(project.slug);
    if (lookup.state !== 'live') throw ApiError.rule('项目卡未在发布中（未发布、已暂停、已到期或已下架），不能转发');
    const { referralCode } = await this.dataSource.manager.findOneOrFail(User, {
      select: { referralCode: true },
      where: { id: user.id },
    });
    return { card: lookup.card, referralCode };
  }
}
