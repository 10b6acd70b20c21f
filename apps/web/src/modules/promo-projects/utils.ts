import { isOwnerLevel, seesAllTeams } from '@lianqiao/domain';
import {
  publicCardOf,
  PROMO_KINDS,
  PROMO_STATUSES,
  type CardImage,
  type PromoKind,
  type PromoProjectDto,
  type PromoStatus,
  type PublicCardDto,
  type UserDto,
} from '@lianqiao/contracts';
import type { UrlFilters } from '../../shared/hooks/useUrlFilters';
import type { PromoContentRequest, PromoListFilters } from './api/promo-api';

export const PROMO_FILTER_KEYS = ['q', 'tab', 'kind'] as const;
export type PromoFilterKey = (typeof PROMO_FILTER_KEYS)[number];

/** The list's tabs: every card, the ones waiting for a leader (new or edited), and each status. */
export const PROMO_TABS = ['all', 'review', ...PROMO_STATUSES.filter((s) => s !== 'in_review')] as const;
export type PromoTab = (typeof PROMO_TABS)[number];

const isOneOf = <T extends string>(list: readonly T[], value: string | undefined): value is T =>
  value !== undefined && (list as readonly string[]).includes(value);

/** The URL's filters as the API takes them; values the API would refuse are dropped. */
export function promoFiltersFromUrl(raw: UrlFilters<PromoFilterKey>): { tab: PromoTab; filters: PromoListFilters } {
  const tab: PromoTab = isOneOf(PROMO_TABS, raw.tab) ? raw.tab : 'all';
  const filters: PromoListFilters = {};
  if (raw.q) filters.q = raw.q;
  if (isOneOf(PROMO_KINDS, raw.kind)) filters.kind = raw.kind;
  // 待审核 is a review state: a new card waiting (status in_review) or an edit of a live one.
  if (tab === 'review') filters.reviewState = 'in_review';
  else if (tab !== 'all') filters.status = tab;
  return { tab, filters };
}

/** Leaders and admins edit every card; staff their own and their task force's. The API decides the same. */
export function canEditPromo(user: Pick<UserDto, 'id' | 'role' | 'teamId'>, project: PromoProjectDto): boolean {
  return isOwnerLevel(user, project);
}

export function canReview(user: Pick<UserDto, 'role'>): boolean {
  return seesAllTeams(user);
}

export function isExpired(project: Pick<PromoProjectDto, 'expiresAt'>, now = Date.now()): boolean {
  return project.expiresAt !== null && Date.parse(project.expiresAt) <= now;
}

/** Live: what investors can open at /c/{slug} right now, and so what may be shared. */
export function isLive(project: Pick<PromoProjectDto, 'status' | 'expiresAt'>, now = Date.now()): boolean {
  return project.status === 'published' && !isExpired(project, now);
}

export const STATUS_COLORS: Record<PromoStatus, string> = {
  draft: 'default',
  in_review: 'processing',
  published: 'success',
  paused: 'warning',
  unpublished: 'error',
};

/** The figures a kind of card states; the form shows only these and clears the rest on save. */
export type FigureField = 'location' | 'landMu' | 'floorAreaM2' | 'investmentScaleWan';
export const FIGURES_BY_KIND: Record<PromoKind, readonly FigureField[]> = {
  land: ['location', 'landMu', 'investmentScaleWan'],
  standard_factory: ['location', 'floorAreaM2', 'landMu', 'investmentScaleWan'],
  chain_project: ['location', 'investmentScaleWan', 'landMu'],
  district_intro: ['location'],
};
/** What the server asks for before a card of the kind may be submitted. */
export const REQUIRED_TO_PUBLISH: Record<PromoKind, readonly FigureField[]> = {
  land: ['landMu'],
  standard_factory: ['floorAreaM2'],
  chain_project: [],
  district_intro: [],
};

/** The form's values: the content fields, with numbers possibly empty. */
export interface PromoFormValues {
  kind: PromoKind;
  title: string;
  summary?: string;
  chainNodeIds?: string[];
  location?: string | null;
  landMu?: number | null;
  floorAreaM2?: number | null;
  investmentScaleWan?: number | null;
  advantages?: string;
  policies?: string;
  contactName?: string | null;
  contactPhone?: string | null;
}

export interface PromoImages {
  cover: CardImage | null;
  gallery: CardImage[];
}

export function formValuesOf(project: PromoProjectDto): PromoFormValues {
  return {
    kind: project.kind,
    title: project.title,
    summary: project.summary,
    chainNodeIds: project.chainNodeIds,
    location: project.location,
    landMu: project.landMu,
    floorAreaM2: project.floorAreaM2,
    investmentScaleWan: project.investmentScaleWan,
    advantages: project.advantages,
    policies: project.policies,
    contactName: project.contactName,
    contactPhone: project.contactPhone,
  };
}

const emptyToNull = (value: string | null | undefined) => (value && value.trim() ? value.trim() : null);
const numberOrNull = (value: number | null | undefined) =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/** The form's values as the API takes them: figures the kind does not state are cleared. */
export function contentOf(values: PromoFormValues): Required<PromoContentRequest> {
  const shown = new Set(FIGURES_BY_KIND[values.kind]);
  return {
    kind: values.kind,
    title: values.title.trim(),
    summary: (values.summary ?? '').trim(),
    chainNodeIds: values.chainNodeIds ?? [],
    location: shown.has('location') ? emptyToNull(values.location) : null,
    landMu: shown.has('landMu') ? numberOrNull(values.landMu) : null,
    floorAreaM2: shown.has('floorAreaM2') ? numberOrNull(values.floorAreaM2) : null,
    investmentScaleWan: shown.has('investmentScaleWan') ? numberOrNull(values.investmentScaleWan) : null,
    advantages: values.advantages ?? '',
    policies: values.policies ?? '',
    contactName: emptyToNull(values.contactName),
    contactPhone: emptyToNull(values.contactPhone),
  };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Only what changed, so that saving an untouched card does not mark it edited (an edit waits for
 * review). Images count as content too.
 */
export function changesOf(
  project: PromoProjectDto,
  values: PromoFormValues,
  images: PromoImages,
): PromoContentRequest & { coverImageId?: string | null; galleryImageIds?: string[] } {
  const next = contentOf(values);
  const changes: PromoContentRequest & { coverImageId?: string | null; galleryImageIds?: string[] } = {};
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    const before = project[key];
    const after = next[key];
    const same = Array.isArray(before) && Array.isArray(after) ? sameList(before, after) : before === after;
    if (!same) Object.assign(changes, { [key]: after });
  }
  const coverImageId = images.cover?.id ?? null;
  if (coverImageId !== project.coverImageId) changes.coverImageId = coverImageId;
  const galleryImageIds = images.gallery.map((image) => image.id);
  if (!sameList(galleryImageIds, project.galleryImageIds)) changes.galleryImageIds = galleryImageIds;
  return changes;
}

/**
 * The public fields the card page would show for these (unsaved) values: what the console's
 * preview hands to `renderCardPage`, the very function that draws /c/{slug} for investors.
 */
export function previewCardOf(
  values: PromoFormValues,
  images: PromoImages,
  context: { slug: string; districtName: string; publishedAt: string | null },
): PublicCardDto {
  return publicCardOf(contentOf({ ...values, title: values.title ?? '' }), {
    ...context,
    cover: images.cover,
    gallery: images.gallery,
  });
}
