import type { PromoKind, PromoStatus } from './enums';

/**
 * Promoted projects (推介项目) and their public QR cards (二维码项目卡): the console's types, the
 * public page's whitelist of fields, share packages and scan statistics.
 */

export const PROMO_KIND_LABELS: Record<PromoKind, string> = {
  land: '土地',
  standard_factory: '标准厂房',
  chain_project: '产业链项目',
  district_intro: '区情简介',
};

export const PROMO_STATUS_LABELS: Record<PromoStatus, string> = {
  draft: '草稿',
  in_review: '待审核',
  published: '已发布',
  paused: '已暂停',
  unpublished: '已下架',
};

/**
 * Where the working copy stands against the live (approved) version: `clean` = nothing pending,
 * `editing` = changed since the last approval and not yet submitted, `in_review` = waiting for a
 * leader, `returned` = sent back with a comment. The public page always shows the live version.
 */
export const PROMO_REVIEW_STATES = ['clean', 'editing', 'in_review', 'returned'] as const;
export type PromoReviewState = (typeof PROMO_REVIEW_STATES)[number];

export const PROMO_REVIEW_STATE_LABELS: Record<PromoReviewState, string> = {
  clean: '无待审修改',
  editing: '修改未提交',
  in_review: '修改待审核',
  returned: '修改被退回',
};

/** Field length limits, the same on the server's validation and the console's forms. */
export const PROMO_LIMITS = {
  title: 60,
  summary: 300,
  location: 120,
  /** Advantages and policies: sanitised rich text (p, br, strong, em, ul, ol, li). */
  richText: 5000,
  contactName: 32,
  contactPhone: 32,
  chainNodes: 20,
  galleryImages: 6,
  returnComment: 500,
  sharePackageIds: 50,
} as const;

/** Web sizes every uploaded image is resized to (width in px, never enlarged), served as WebP. */
export const PROMO_IMAGE_SIZES = { sm: 480, md: 960, lg: 1600 } as const;
export type PromoImageSize = keyof typeof PROMO_IMAGE_SIZES;

export interface CardImageVariant {
  size: PromoImageSize;
  width: number;
  height: number;
  /** Site-relative, e.g. "/c/img/{imageId}-md.webp"; immutable and cacheable for a year. */
  url: string;
}

export interface CardImage {
  id: string;
  width: number;
  height: number;
  /** Ascending by width. */
  variants: CardImageVariant[];
}

/** The content a leader reviews; a snapshot of these fields is what the public sees. */
export interface PromoContentDto {
  kind: PromoKind;
  title: string;
  summary: string;
  chainNodeIds: string[];
  location: string | null;
  landMu: number | null;
  floorAreaM2: number | null;
  investmentScaleWan: number | null;
  /** Sanitised HTML. */
  advantages: string;
  /** Sanitised HTML. */
  policies: string;
  contactName: string | null;
  contactPhone: string | null;
  coverImageId: string | null;
  galleryImageIds: string[];
}

export interface PromoProjectDto extends PromoContentDto {
  id: string;
  status: PromoStatus;
  reviewState: PromoReviewState;
  reviewComment: string | null;
  slug: string;
  /** Absolute address of the public page (without a referral code). */
  publicUrl: string;
  expiresAt: string | null;
  ownerId: string;
  teamId: string | null;
  /** Number of the live version, null until first approved. */
  liveVersion: number | null;
  publishedAt: string | null;
  submittedAt: string | null;
  cover: CardImage | null;
  gallery: CardImage[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface PromoVersionDto {
  number: number;
  content: PromoContentDto;
  submittedById: string | null;
  approvedById: string;
  approvedAt: string;
}

/**
 * The whitelist of what the public sees (JSON at /api/public/cards/{slug}, HTML at /c/{slug}), and
 * what `renderCardPage` of @lianqiao/card draws. Nothing internal (owner, team, ids of chain nodes,
 * review state) belongs here.
 */
export interface PublicCardDto {
  slug: string;
  kind: PromoKind;
  kindLabel: string;
  title: string;
  summary: string;
  location: string | null;
  landMu: number | null;
  floorAreaM2: number | null;
  investmentScaleWan: number | null;
  advantages: string;
  policies: string;
  contactName: string | null;
  contactPhone: string | null;
  cover: CardImage | null;
  gallery: CardImage[];
  districtName: string;
  publishedAt: string | null;
}

/**
 * The one mapping from a card's content to its public fields: the server's /c/{slug} and the
 * console's live preview both go through it, so the preview cannot drift from what investors see.
 */
export function publicCardOf(
  content: Omit<PromoContentDto, 'chainNodeIds' | 'coverImageId' | 'galleryImageIds'>,
  context: {
    slug: string;
    cover: CardImage | null;
    gallery: CardImage[];
    districtName: string;
    publishedAt: string | null;
  },
): PublicCardDto {
  return {
    slug: context.slug,
    kind: content.kind,
    kindLabel: PROMO_KIND_LABELS[content.kind],
    title: content.title,
    summary: content.summary,
    location: content.location,
    landMu: content.landMu,
    floorAreaM2: content.floorAreaM2,
    investmentScaleWan: content.investmentScaleWan,
    advantages: content.advantages,
    policies: content.policies,
    contactName: content.contactName,
    contactPhone: content.contactPhone,
    cover: context.cover,
    gallery: context.gallery,
    districtName: context.districtName,
    publishedAt: context.publishedAt,
  };
}

export const SHARE_FORMATS = ['svg', 'png'] as const;
export type ShareFormat = (typeof SHARE_FORMATS)[number];
/** screen: 512 px for phones and chats; print: 2048 px (≈ 7 cm at 600 dpi) for posters and banners. */
export const SHARE_SIZES = ['screen', 'print'] as const;
export type ShareSize = (typeof SHARE_SIZES)[number];
export const SHARE_SIZE_PIXELS: Record<ShareSize, number> = { screen: 512, print: 2048 };

export interface SharePackageDto {
  /** The caller's own link: {base}/c/{slug}?r={referralCode}. */
  url: string;
  referralCode: string;
  /** A short Chinese text to paste into WeChat with the link. */
  text: string;
  qr: {
    format: ShareFormat;
    size: ShareSize;
    pixels: number;
    mimeType: 'image/svg+xml' | 'image/png';
    /** data: URL of the QR image, ready for <img src> or a download link. */
    dataUrl: string;
  };
  /** What the browser needs to draw the poster. */
  poster: {
    title: string;
    kindLabel: string;
    summary: string;
    /** Absolute URL of the cover's largest size, or null. */
    coverUrl: string | null;
    districtName: string;
    figures: { label: string; value: string }[];
    contactName: string | null;
    contactPhone: string | null;
  };
}

export interface InterestRequest {
  name: string;
  company: string;
  mobile: string;
  message?: string;
  /** The referral code of the link the investor came by. */
  r?: string;
  /** Honeypot: left empty by people, filled by bots. */
  website?: string;
}

export const INTEREST_LIMITS = { name: 32, company: 100, message: 500 } as const;
/** Mainland mobile numbers: 11 digits starting 13–19. */
export const INTEREST_MOBILE_PATTERN = /^1[3-9]\d{9}$/;
/** Referral codes are what users.referral_code holds: short, lower-case letters and digits. */
export const REFERRAL_CODE_PATTERN = /^[a-z0-9]{4,16}$/;

export interface InterestResponse {
  ok: true;
  message: string;
}

/** One investor's interest as staff see it (in the console, before or beside its lead). */
export interface CardInterestDto {
  id: string;
  promoProjectId: string;
  name: string;
  company: string;
  mobile: string;
  message: string | null;
  referralCode: string | null;
  referrerId: string | null;
  ownerId: string;
  leadId: string | null;
  submissionCount: number;
  createdAt: string;
  lastSubmittedAt: string;
}

export interface CardStatsRow {
  opens: number;
  uniqueVisitors: number;
  wechatOpens: number;
  mobileOpens: number;
  interests: number;
  leads: number;
  projects: number;
  signedWan: number;
}

export interface CardStatsDto {
  from: string;
  to: string;
  totals: CardStatsRow;
  byDay: (CardStatsRow & { day: string })[];
  /** One row per referral code seen (null = opened without one), with the user it belongs to. */
  byReferral: (CardStatsRow & { referralCode: string | null; userId: string | null; displayName: string | null })[];
  /** Per staff member credited: the referrer, or the card's owner when no valid code came along. */
  byStaff: (CardStatsRow & { userId: string; displayName: string })[];
}
