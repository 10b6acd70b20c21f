import type { CardImage, PublicCardDto } from '@lianqiao/contracts';
import { PROMO_LIMITS } from '@lianqiao/contracts';
import { parse } from 'acorn';
import { JSDOM } from 'jsdom';
import { gzipSync } from 'node:zlib';
import { CARD_SCRIPT } from './assets';
import { escapeHtml, plainText, safeRichText } from './escape';
import { formatInvestmentScale, keyFigures } from './figures';
import { cardShareUrl, renderCardPage, renderGonePage, renderThankYouPage } from './render';

const XSS = `"><script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a>'\`{{7*7}}`;

function image(id: string): CardImage {
  return {
    id,
    width: 1600,
    height: 900,
    variants: [
      { size: 'sm', width: 480, height: 270, url: `/c/img/${id}-sm.webp` },
      { size: 'md', width: 960, height: 540, url: `/c/img/${id}-md.webp` },
      { size: 'lg', width: 1600, height: 900, url: `/c/img/${id}-lg.webp` },
    ],
  };
}

/** Every element a browser builds from the page (jsdom's HTML5 parser; scripts are not run), with its attributes. */
function elementsOf(html: string): { name: string; attributes: Record<string, string> }[] {
  const document = new JSDOM(html).window.document;
  return Array.from(document.querySelectorAll('*'), (element) => ({
    name: element.localName,
    attributes: Object.fromEntries(Array.from(element.attributes, (a) => [a.name, a.value])),
  }));
}

function card(overrides: Partial<PublicCardDto> = {}): PublicCardDto {
  return {
    slug: 'k7mq2x9p',
    kind: 'land',
    kindLabel: '土地',
    title: '汽车零部件产业园地块',
    summary: '位于经开区核心，三通一平，可即时供地。',
    location: '经开区汽车大道88号',
    landMu: 120.5,
    floorAreaM2: null,
    investmentScaleWan: 50000,
    advantages: '<ul><li>毗邻整车厂</li><li>高速出口 3 公里</li></ul>',
    policies: '<p>前三年租金<strong>全免</strong></p>',
    contactName: '张专员',
    contactPhone: '0731-8888 1234',
    cover: image('cover'),
    gallery: [image('g1')],
    districtName: '示范区',
    publishedAt: '2026-05-01T08:00:00.000Z',
    ...overrides,
  };
}

describe('escapeHtml', () => {
  it('escapes every character that could open a tag or close an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&\`</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;',
    );
  });

  it('renders null and undefined as nothing and numbers as text', () => {
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(42)).toBe('42');
  });
});

describe('safeRichText', () => {
  it('keeps the whitelisted tags and drops their attributes', () => {
    expect(
      safeRichText('<p class="a" onclick="x()">一<strong style="color:red">二</strong></p><ul><li>三</li></ul>'),
    ).toBe('<p>一<strong>二</strong></p><ul><li>三</li></ul>');
  });

  it('drops scripts, images, links and event handlers, leaving only inert text', () => {
    const out = safeRichText(
      '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">链接</a><iframe src="//evil"></iframe>',
    );
    expect(out).toBe('alert(1)链接');
  });

  it('escapes a tag that never closes and a comment', () => {
    expect(safeRichText('a <img src=x onerror=alert(1) b')).toBe('a &lt;img src=x onerror=alert(1) b');
    expect(safeRichText('<!-- <script> -->')).toBe('&lt;!--  --&gt;');
  });

  it('balances unclosed and stray closing tags', () => {
    expect(safeRichText('<p><strong>加粗</p></em>尾')).toBe('<p><strong>加粗</strong></p>尾');
    expect(safeRichText('<ul><li>一')).toBe('<ul><li>一</li></ul>');
  });

  it('keeps well-formed entities and escapes a bare ampersand', () => {
    expect(safeRichText('R&amp;D &#8451; a & b &lt;x&gt;')).toBe('R&amp;D &#8451; a &amp; b &lt;x&gt;');
  });

  it('turns <br> in any spelling into <br>', () => {
    expect(safeRichText('一<br/>二<BR>三</br>')).toBe('一<br>二<br>三');
  });
});

describe('plainText', () => {
  it('strips tags and decodes the common entities', () => {
    expect(plainText('<p>R&amp;D</p><ul><li>一</li><li>二</li></ul>')).toBe('R&D 一 二');
  });
});

describe('keyFigures', () => {
  it('lists scale, land, floor area and location in reading order', () => {
    expect(keyFigures({ investmentScaleWan: 8000, landMu: 1200.5, floorAreaM2: 25000, location: '经开区' })).toEqual([
      { label: '投资规模', value: '8000万元' },
      { label: '用地面积', value: '1,200.5亩' },
      { label: '建筑面积', value: '25,000㎡' },
      { label: '项目位置', value: '经开区' },
    ]);
  });

  it('states amounts from 1 亿 up in 亿元', () => {
    expect(formatInvestmentScale(50000)).toBe('5亿元');
    expect(formatInvestmentScale(12345)).toBe('1.23亿元');
    expect(keyFigures({ investmentScaleWan: null, landMu: null, floorAreaM2: null, location: null })).toEqual([]);
  });
});

describe(renderCardPage.name, () => {
  const options = { baseUrl: 'https://zs.example.gov.cn', referralCode: 'abc23456' };

  it('links the site icon, so a phone asks for an icon that exists (not a 404 on every open)', () => {
    for (const html of [renderCardPage(card(), options), renderGonePage('示范区')]) {
      expect(html).toContain('<link rel="icon" href="/favicon.ico" sizes="32x32">');
      expect(html).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
    }
  });

  it('draws the card with its figures, contact, form and share tags', () => {
    const html = renderCardPage(card(), options);
    expect(html.startsWith('<!doctype html><html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<h1>汽车零部件产业园地块</h1>');
    expect(html).toContain('<dt>投资规模</dt><dd>5亿元</dd>');
    expect(html).toContain('<dt>用地面积</dt><dd>120.5亩</dd>');
    expect(html).toContain('<a class="btn" href="tel:073188881234">电话咨询</a>');
    expect(html).toContain('<meta property="og:title" content="汽车零部件产业园地块">');
    expect(html).toContain('<meta property="og:image" content="https://zs.example.gov.cn/c/img/cover-lg.webp">');
    expect(html).toContain('<meta property="og:url" content="https://zs.example.gov.cn/c/k7mq2x9p">');
    expect(html).toContain('srcset="/c/img/cover-sm.webp 480w, /c/img/cover-md.webp 960w, /c/img/cover-lg.webp 1600w"');
    expect(html).toContain('<form id="fm" method="post" action="/api/public/cards/k7mq2x9p/interest">');
    expect(html).toContain('<input type="hidden" name="r" value="abc23456">');
    expect(html).toContain('<ul><li>毗邻整车厂</li><li>高速出口 3 公里</li></ul>');
  });

  it('keeps the referral code in the forward link, and leaves it off when there is none', () => {
    expect(renderCardPage(card(), options)).toContain('data-share="https://zs.example.gov.cn/c/k7mq2x9p?r=abc23456"');
    expect(renderCardPage(card(), { baseUrl: options.baseUrl })).toContain(
      'data-share="https://zs.example.gov.cn/c/k7mq2x9p"',
    );
    expect(cardShareUrl('https://a.b', 'x y', 'r&1')).toBe('https://a.b/c/x%20y?r=r%261');
  });

  it('renders an attack in every text field as inert text', () => {
    const hostile = card({
      title: XSS,
      summary: XSS,
      location: XSS,
      advantages: XSS,
      policies: XSS,
      contactName: XSS,
      contactPhone: XSS,
      kindLabel: XSS,
      districtName: XSS,
      slug: XSS,
    });
    const html = renderCardPage(hostile, { baseUrl: options.baseUrl, referralCode: XSS });
    const elements = elementsOf(html);
    expect(elements.filter((e) => e.name === 'script')).toHaveLength(1);
    expect(elements.filter((e) => Object.keys(e.attributes).some((a) => a.startsWith('on')))).toEqual([]);
    expect(elements.filter((e) => e.name === 'img').map((e) => e.attributes.src)).toEqual([
      '/c/img/cover-md.webp',
      '/c/img/g1-md.webp',
    ]);
    const links = elements.map((e) => e.attributes.href ?? e.attributes.action).filter(Boolean);
    expect(
      links.filter(
        (h) => !/^(https:\/\/zs\.example\.gov\.cn\/|\/api\/public\/|\/favicon\.(ico|svg)$|#|tel:[\d+]*$)/.test(h),
      ),
    ).toEqual([]);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('marks the form as a preview for the console', () => {
    expect(renderCardPage(card(), { ...options, preview: true })).toContain(
      '<form id="fm" method="post" action="/api/public/cards/k7mq2x9p/interest" data-preview="1">',
    );
  });

  it('leaves out the sections a card does not fill', () => {
    const html = renderCardPage(
      card({
        cover: null,
        gallery: [],
        advantages: '',
        policies: '  ',
        contactName: null,
        contactPhone: null,
        summary: '',
      }),
      options,
    );
    expect(html).not.toContain('<figure');
    expect(html).not.toContain('项目优势');
    expect(html).not.toContain('优惠政策');
    expect(html).not.toContain('tel:');
    expect(html).not.toContain('og:image');
  });

  it('weighs under 30 KB gzipped with every field at its limit', () => {
    const long = (n: number) => '招商引资产业链项目'.repeat(Math.ceil(n / 9)).slice(0, n);
    const html = renderCardPage(
      card({
        title: long(PROMO_LIMITS.title),
        summary: long(PROMO_LIMITS.summary),
        location: long(PROMO_LIMITS.location),
        advantages: `<p>${long(PROMO_LIMITS.richText - 7)}</p>`,
        policies: `<p>${long(PROMO_LIMITS.richText - 7)}</p>`,
        gallery: Array.from({ length: PROMO_LIMITS.galleryImages }, (_, i) => image(`gallery-${i}`)),
      }),
      options,
    );
    expect(gzipSync(html).length).toBeLessThan(30 * 1024);
  });
});

describe('CARD_SCRIPT', () => {
  it('is plain ES5', () => {
    expect(() => parse(CARD_SCRIPT, { ecmaVersion: 5 })).not.toThrow();
    expect(CARD_SCRIPT).not.toMatch(/=>|`|\blet\b|\bconst\b/);
  });
});

describe('notice pages', () => {
  it('say politely that a card is gone, and thank for an interest with a way back', () => {
    expect(renderGonePage('示范区')).toContain('<h1>该项目暂不对外推介</h1>');
    const thanks = renderThankYouPage('示范区', '/c/k7mq2x9p?r=abc');
    expect(thanks).toContain('<h1>提交成功，感谢您的关注</h1>');
    expect(thanks).toContain('href="/c/k7mq2x9p?r=abc"');
    expect(thanks).not.toContain('<script');
  });
});
