import type { CardImage, PromoProjectDto } from '@lianqiao/contracts';
import { actionsFor } from '../components/ReviewActions';
import { normaliseRichText } from '../components/RichTextInput';
import { changesOf, contentOf, formValuesOf, isLive, previewCardOf, promoFiltersFromUrl } from '../utils';

const STAFF = { id: 'u-staff', role: 'staff' as const, teamId: 't-auto' };
const OTHER_STAFF = { id: 'u-other', role: 'staff' as const, teamId: 't-rail' };
const LEADER = { id: 'u-leader', role: 'leader' as const, teamId: null };

function aCard(overrides: Partial<PromoProjectDto> = {}): PromoProjectDto {
  return {
    id: 'p1',
    kind: 'land',
    title: 'A-03 地块',
    summary: '紧邻整车厂',
    chainNodeIds: ['n1'],
    location: '经开区',
    landMu: 120.5,
    floorAreaM2: null,
    investmentScaleWan: 50000,
    advantages: '<p>交通便利</p>',
    policies: '',
    contactName: null,
    contactPhone: '0731-8888 1234',
    coverImageId: null,
    galleryImageIds: [],
    status: 'draft',
    reviewState: 'editing',
    reviewComment: null,
    slug: 'k7mq2x9p',
    publicUrl: 'http://localhost/c/k7mq2x9p',
    expiresAt: null,
    ownerId: 'u-staff',
    teamId: 't-auto',
    liveVersion: null,
    publishedAt: null,
    submittedAt: null,
    cover: null,
    gallery: [],
    createdAt: '2026-05-01T00:00:00.000Z',
    updatedAt: '2026-05-01T00:00:00.000Z',
    version: 3,
    ...overrides,
  };
}

const image = (id: string): CardImage => ({
  id,
  width: 1600,
  height: 1000,
  variants: [{ size: 'md', width: 960, height: 600, url: `/c/img/${id}-md.webp` }],
});

describe('promoFiltersFromUrl', () => {
  it('turns the 待审核 tab into the review state (new cards and edits of live ones), and other tabs into a status', () => {
    expect(promoFiltersFromUrl({ tab: 'review', q: '地块', kind: 'land' })).toEqual({
      tab: 'review',
      filters: { reviewState: 'in_review', q: '地块', kind: 'land' },
    });
    expect(promoFiltersFromUrl({ tab: 'paused' })).toEqual({ tab: 'paused', filters: { status: 'paused' } });
    expect(promoFiltersFromUrl({})).toEqual({ tab: 'all', filters: {} });
  });

  it('drops values the API would refuse', () => {
    expect(promoFiltersFromUrl({ tab: 'deleted', kind: 'castle' })).toEqual({ tab: 'all', filters: {} });
  });
});

describe('isLive', () => {
  const now = Date.parse('2026-06-01T00:00:00Z');

  it('is true only for a published card that has not expired', () => {
    expect(isLive(aCard({ status: 'published' }), now)).toBe(true);
    expect(isLive(aCard({ status: 'published', expiresAt: '2026-07-01T00:00:00Z' }), now)).toBe(true);
    expect(isLive(aCard({ status: 'published', expiresAt: '2026-05-31T23:59:59Z' }), now)).toBe(false);
    expect(isLive(aCard({ status: 'paused' }), now)).toBe(false);
  });
});

describe('contentOf', () => {
  it('trims text, turns empty text into null, and clears the figures the kind does not state', () => {
    expect(
      contentOf({
        ...formValuesOf(aCard()),
        kind: 'district_intro',
        title: '  示范区区情简介 ',
        contactName: '  ',
        location: ' 湘江新区 ',
      }),
    ).toEqual({
      kind: 'district_intro',
      title: '示范区区情简介',
      summary: '紧邻整车厂',
      chainNodeIds: ['n1'],
      location: '湘江新区',
      landMu: null,
      floorAreaM2: null,
      investmentScaleWan: null,
      advantages: '<p>交通便利</p>',
      policies: '',
      contactName: null,
      contactPhone: '0731-8888 1234',
    });
  });
});

describe('changesOf', () => {
  it('sends nothing for an untouched card, so saving does not mark it edited', () => {
    const card = aCard();
    expect(changesOf(card, formValuesOf(card), { cover: null, gallery: [] })).toEqual({});
  });

  it('sends only the fields that changed, pictures included', () => {
    const card = aCard({ galleryImageIds: ['g1'], gallery: [image('g1')] });
    const values = { ...formValuesOf(card), title: 'A-03 地块（二期）', landMu: 130 };

    expect(changesOf(card, values, { cover: image('c1'), gallery: [image('g1'), image('g2')] })).toEqual({
      title: 'A-03 地块（二期）',
      landMu: 130,
      coverImageId: 'c1',
      galleryImageIds: ['g1', 'g2'],
    });
  });
});

describe('previewCardOf', () => {
  it('gives renderCardPage the public fields of the unsaved values, with the kind’s label and the district', () => {
    const card = previewCardOf(
      { ...formValuesOf(aCard()), kind: 'standard_factory', floorAreaM2: 6000 },
      { cover: image('c1'), gallery: [] },
      {
        slug: 'k7mq2x9p',
        districtName: '示范区',
        publishedAt: null,
      },
    );

    expect(card).toEqual({
      slug: 'k7mq2x9p',
      kind: 'standard_factory',
      kindLabel: '标准厂房',
      title: 'A-03 地块',
      summary: '紧邻整车厂',
      location: '经开区',
      landMu: 120.5,
      floorAreaM2: 6000,
      investmentScaleWan: 50000,
      advantages: '<p>交通便利</p>',
      policies: '',
      contactName: null,
      contactPhone: '0731-8888 1234',
      cover: image('c1'),
      gallery: [],
      districtName: '示范区',
      publishedAt: null,
    });
  });
});

describe('actionsFor', () => {
  const on = (actions: ReturnType<typeof actionsFor>) =>
    Object.entries(actions)
      .filter(([, allowed]) => allowed)
      .map(([name]) => name);

  it('lets the owner edit and submit a draft, and delete it', () => {
    expect(on(actionsFor(STAFF, aCard()))).toEqual(['edit', 'submit', 'remove']);
  });

  it('lets a leader approve or return a card in review, which nobody may edit meanwhile', () => {
    const inReview = aCard({ status: 'in_review', reviewState: 'in_review' });
    expect(on(actionsFor(LEADER, inReview))).toEqual(['approve', 'return', 'remove']);
    expect(on(actionsFor(STAFF, inReview))).toEqual(['remove']);
  });

  it('offers pause, unpublish and statistics on a live card, and resume on a paused one', () => {
    const live = aCard({ status: 'published', reviewState: 'clean', liveVersion: 1 });
    expect(on(actionsFor(STAFF, live))).toEqual(['edit', 'pause', 'unpublish', 'remove', 'stats']);
    expect(on(actionsFor(STAFF, { ...live, status: 'paused' }))).toEqual([
      'edit',
      'resume',
      'unpublish',
      'remove',
      'stats',
    ]);
    expect(on(actionsFor(STAFF, { ...live, reviewState: 'editing' }))).toContain('submit');
  });

  it('gives another task force’s staff nothing but the view of a published card', () => {
    expect(on(actionsFor(OTHER_STAFF, aCard({ status: 'published', reviewState: 'clean', liveVersion: 1 })))).toEqual(
      [],
    );
  });
});

describe('normaliseRichText', () => {
  it('keeps paragraphs, emphasis and lists, turning an editor’s <div> lines into paragraphs', () => {
    expect(normaliseRichText('<div>交通<b>便利</b></div><div><br></div><ul><li>双回路供电<br></li></ul>')).toBe(
      '<p>交通<b>便利</b></p><ul><li>双回路供电</li></ul>',
    );
  });

  it('drops attributes and foreign tags, escaping what is left, and gives "" for an empty editor', () => {
    expect(
      normaliseRichText(
        '<p style="color:red" onclick="x()">好<img src=x onerror=alert(1)><script>alert(1)</script></p>',
      ),
    ).toBe('<p>好alert(1)</p>');
    expect(normaliseRichText('<p><br></p>')).toBe('');
    expect(normaliseRichText('<br>')).toBe('');
  });
});
