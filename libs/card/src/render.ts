import type { CardImage, PublicCardDto } from '@lianqiao/contracts';
import { CARD_CSS, CARD_SCRIPT, ICON_LINKS } from './assets';
import { escapeHtml, plainText, safeRichText } from './escape';
import { keyFigures } from './figures';

export interface CardPageOptions {
  /** Absolute origin the page is served from, without a trailing slash (og tags and the share link need it). */
  baseUrl: string;
  /** The `r` the page was opened with; kept in the forward link and sent with an interest. */
  referralCode?: string | null;
  /** Where the interest form posts; by default the public API's interest route. */
  interestAction?: string;
  /** The console's preview: the form does not submit. */
  preview?: boolean;
}

/** The card's own address, with the referral code it was opened with (衍生链接). */
export function cardShareUrl(baseUrl: string, slug: string, referralCode?: string | null): string {
  const url = `${baseUrl}/c/${encodeURIComponent(slug)}`;
  return referralCode ? `${url}?r=${encodeURIComponent(referralCode)}` : url;
}

export function interestAction(slug: string): string {
  return `/api/public/cards/${encodeURIComponent(slug)}/interest`;
}

/**
 * The public card page (/c/{slug}) as one HTML string: readable without JavaScript, critical CSS
 * inline, responsive images, share tags, and the tiny ES5 script for forwarding and the form.
 * A pure function of its input: the server caches its output, the console previews with it.
 */
export function renderCardPage(card: PublicCardDto, options: CardPageOptions): string {
  const shareUrl = cardShareUrl(options.baseUrl, card.slug, options.referralCode);
  const canonical = cardShareUrl(options.baseUrl, card.slug);
  const description = card.summary || plainText(card.advantages).slice(0, 120);
  const ogImage = card.cover ? largest(card.cover) : null;
  const figures = keyFigures(card);
  const phone = card.contactPhone?.trim() || null;
  const tel = phone ? phone.replace(/[^\d+]/g, '') : null;

  const head = [
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width,initial-scale=1,viewport-fit=cover">',
    `<title>${escapeHtml(card.title)} · ${escapeHtml(card.districtName)}招商推介</title>`,
    `<meta name="description" content="${escapeHtml(description)}">`,
    '<meta property="og:type" content="website">',
    `<meta property="og:site_name" content="${escapeHtml(card.districtName)}招商推介">`,
    `<meta property="og:title" content="${escapeHtml(card.title)}">`,
    `<meta property="og:description" content="${escapeHtml(description)}">`,
    `<meta property="og:url" content="${escapeHtml(canonical)}">`,
    ogImage ? `<meta property="og:image" content="${escapeHtml(options.baseUrl + ogImage.url)}">` : '',
    ogImage
      ? `<meta property="og:image:width" content="${ogImage.width}"><meta property="og:image:height" content="${ogImage.height}">`
      : '',
    '<meta name="twitter:card" content="summary_large_image">',
    `<link rel="canonical" href="${escapeHtml(canonical)}">`,
    ICON_LINKS,
    `<style>${CARD_CSS}</style></head>`,
  ];

  const body = [
    `<body data-share="${escapeHtml(shareUrl)}" data-title="${escapeHtml(card.title)}"><div class="wrap">`,
    `<header class="hd"><span class="tag">${escapeHtml(card.kindLabel)}</span><span>${escapeHtml(card.districtName)}</span></header>`,
    card.cover ? `<figure class="cover">${imageTag(card.cover, card.title, false)}</figure>` : '',
    '<main class="body">',
    `<h1>${escapeHtml(card.title)}</h1>`,
    card.summary ? `<p class="sum">${escapeHtml(card.summary)}</p>` : '',
    figures.length
      ? `<dl class="figs">${figures.map((f) => `<div><dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd></div>`).join('')}</dl>`
      : '',
    richSection('项目优势', card.advantages),
    richSection('优惠政策', card.policies),
    card.gallery.length
      ? `<section class="gal"><h2>实景图片</h2>${card.gallery.map((image) => imageTag(image, card.title, true)).join('')}</section>`
      : '',
    phone || card.contactName
      ? `<section class="contact" id="contact"><h2>联系我们</h2>${card.contactName ? `<p>${escapeHtml(card.contactName)}</p>` : ''}${
          phone ? `<p><a href="tel:${escapeHtml(tel)}">${escapeHtml(phone)}</a></p>` : ''
        }</section>`
      : '',
    interestForm(card, options),
    '<section class="fwd"><h2>转发推介</h2>',
    `<p class="lnk">${escapeHtml(shareUrl)}</p>`,
    '<button type="button" class="btn" id="fw" hidden>转发给朋友</button>',
    '<p class="msg" id="fw-msg" role="status" aria-live="polite"></p></section>',
    '</main>',
    `<footer class="ft">${escapeHtml(card.districtName)}投资促进 · 信息以洽谈为准</footer>`,
    '</div>',
    '<nav class="bar">',
    tel ? `<a class="btn" href="tel:${escapeHtml(tel)}">电话咨询</a>` : '',
    '<a class="btn pri" href="#interest">我有意向</a>',
    '</nav>',
    `<script>${CARD_SCRIPT}</script></body></html>`,
  ];
  return head.join('') + body.join('');
}

function interestForm(card: PublicCardDto, options: CardPageOptions): string {
  const action = options.interestAction ?? interestAction(card.slug);
  return [
    '<section id="interest"><h2>留下投资意向</h2>',
    `<form id="fm" method="post" action="${escapeHtml(action)}"${options.preview ? ' data-preview="1"' : ''}>`,
    '<div class="fields">',
    '<p class="note">留下联系方式，招商专员会在24小时内与您联系。</p>',
    field('name', '姓名', '<input id="f-name" name="name" required maxlength="32" autocomplete="name">'),
    field(
      'company',
      '单位名称',
      '<input id="f-company" name="company" required maxlength="100" autocomplete="organization">',
    ),
    field(
      'mobile',
      '手机号码',
      '<input id="f-mobile" name="mobile" type="tel" required maxlength="11" pattern="1[3-9][0-9]{9}" inputmode="numeric" autocomplete="tel">',
    ),
    '<label for="f-message">留言（选填）</label><textarea id="f-message" name="message" maxlength="500"></textarea>',
    `<input type="hidden" name="r" value="${escapeHtml(options.referralCode ?? '')}">`,
    '<div class="hp" aria-hidden="true"><label for="f-website">网站</label><input id="f-website" name="website" tabindex="-1" autocomplete="off"></div>',
    '<button type="submit" class="btn pri sub" id="fm-go">提交意向</button>',
    '</div>',
    '<p class="msg" id="fm-msg" role="status" aria-live="polite"></p>',
    '</form></section>',
  ].join('');
}

function field(name: string, label: string, input: string): string {
  return `<label for="f-${name}">${label}<span class="req">*</span></label>${input}`;
}

function richSection(title: string, html: string): string {
  const safe = safeRichText(html);
  return safe.trim() ? `<section><h2>${title}</h2><div class="rt">${safe}</div></section>` : '';
}

function largest(image: CardImage) {
  return image.variants[image.variants.length - 1];
}

/** One <img> with every stored width in srcset; the cover loads first, gallery images lazily. */
function imageTag(image: CardImage, alt: string, lazy: boolean): string {
  if (!image.variants.length) return '';
  const seen = new Set<number>();
  const srcset = image.variants
    .filter((v) => (seen.has(v.width) ? false : (seen.add(v.width), true)))
    .map((v) => `${escapeHtml(v.url)} ${v.width}w`)
    .join(', ');
  const fallback = image.variants.find((v) => v.size === 'md') ?? largest(image);
  return (
    `<img src="${escapeHtml(fallback.url)}" srcset="${srcset}" sizes="(min-width: 640px) 640px, 100vw"` +
    ` width="${image.width}" height="${image.height}" alt="${escapeHtml(alt)}" decoding="async"${lazy ? ' loading="lazy"' : ''}>`
  );
}

export interface NoticePageOptions {
  districtName: string;
  title: string;
  message: string;
  /** A link back (to the card, for a form problem). */
  link?: { href: string; text: string };
}

/** The calm page for everything that is not a card: gone (410), not found (404), thank-you, a form problem. */
export function renderNoticePage(options: NoticePageOptions): string {
  return [
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${escapeHtml(options.title)} · ${escapeHtml(options.districtName)}招商推介</title>`,
    ICON_LINKS,
    `<style>${CARD_CSS}</style></head><body><div class="wrap">`,
    `<header class="hd"><span class="tag">招商推介</span><span>${escapeHtml(options.districtName)}</span></header>`,
    `<main class="notice"><h1>${escapeHtml(options.title)}</h1><p>${escapeHtml(options.message)}</p>`,
    options.link
      ? `<p><a class="btn" href="${escapeHtml(options.link.href)}">${escapeHtml(options.link.text)}</a></p>`
      : '',
    `</main><footer class="ft">${escapeHtml(options.districtName)}投资促进</footer></div></body></html>`,
  ].join('');
}

export function renderGonePage(districtName: string): string {
  return renderNoticePage({
    districtName,
    title: '该项目暂不对外推介',
    message: '感谢您的关注。这个推介项目已暂停、到期或下线。如需了解更多投资机会，欢迎联系转发给您的招商专员。',
  });
}

export function renderNotFoundPage(districtName: string): string {
  return renderNoticePage({
    districtName,
    title: '没有找到这个项目',
    message: '链接可能不完整，请核对后重新打开，或联系转发给您的招商专员。',
  });
}

export function renderThankYouPage(districtName: string, cardUrl: string): string {
  return renderNoticePage({
    districtName,
    title: '提交成功，感谢您的关注',
    message: '我们已收到您的投资意向，招商专员会尽快与您联系。',
    link: { href: cardUrl, text: '返回项目介绍' },
  });
}

export function renderFormProblemPage(districtName: string, message: string, cardUrl: string | null): string {
  return renderNoticePage({
    districtName,
    title: '未能提交',
    message,
    link: cardUrl ? { href: cardUrl, text: '返回修改' } : undefined,
  });
}
