/**
 * The share poster (推介海报): a phone-screen PNG drawn on a <canvas> in the browser — cover,
 * title, key figures, the QR code and the district's name. Not a screenshot of the page: DOM
 * screenshots come out blank in iOS WebKit, and so in WeChat on iPhones.
 *
 * `layoutPoster` is pure: it turns the card into a list of drawing operations, measuring text
 * through the function it is given (the canvas's in the browser, a stand-in in tests).
 * `paintPoster` replays the operations on a 2D context; `drawPoster` does the browser's part
 * (load the pictures, make the canvas, export a PNG data URL).
 */

export const POSTER_WIDTH = 1080;
export const POSTER_HEIGHT = 1920;

/** The poster speaks to investors, in Chinese, like the card page itself. */
export const POSTER_TEXT = {
  headline: (district: string) => `${district} · 招商推介`,
  scan: '长按识别二维码',
  scanSub: '查看项目详情 · 登记投资意向',
  contact: (phone: string) => `咨询电话 ${phone}`,
  contactName: (name: string) => `联系人 ${name}`,
  footer: (district: string) => `${district}投资促进 · 诚邀四方客商`,
};

const FONT_FAMILY =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';
export const font = (size: number, bold = false) => `${bold ? '600 ' : ''}${size}px ${FONT_FAMILY}`;

const COLORS = {
  navy: '#0b3d91',
  navyLight: '#2f6fd6',
  text: '#1f2329',
  muted: '#4e5969',
  faint: '#86909c',
  figureBg: '#f2f6ff',
  panelBg: '#f3f5f9',
  white: '#ffffff',
};

export interface PosterInput {
  title: string;
  kindLabel: string;
  summary: string;
  districtName: string;
  figures: { label: string; value: string }[];
  contactName: string | null;
  contactPhone: string | null;
  /** Whether a cover picture will be drawn (else a coloured band with the kind). */
  hasCover: boolean;
}

export type PosterOp =
  | { type: 'rect'; x: number; y: number; w: number; h: number; fill: string; radius?: number }
  | { type: 'gradient'; x: number; y: number; w: number; h: number; from: string; to: string }
  | {
      type: 'text';
      x: number;
      y: number;
      text: string;
      font: string;
      color: string;
      align: 'left' | 'center' | 'right';
      /** What the text is, for tests and for reading a layout. */
      role: string;
    }
  | { type: 'image'; slot: 'cover' | 'qr'; x: number; y: number; w: number; h: number };

export interface PosterLayout {
  width: number;
  height: number;
  ops: PosterOp[];
}

/** Width of `text` in `font`, in canvas pixels. */
export type MeasureText = (text: string, font: string) => number;

const WORD_CHAR = /[A-Za-z0-9.,%'-]/;

/**
 * Breaks text into at most `maxLines` lines no wider than `maxWidth`, character by character
 * (Chinese has no spaces to break at) but not inside a Latin word; the last line ends in "…" when
 * text is left over.
 */
export function wrapText(
  text: string,
  textFont: string,
  maxWidth: number,
  maxLines: number,
  measure: MeasureText,
): string[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean || maxLines <= 0) return [];
  const chars = Array.from(clean);
  const lines: string[] = [];
  let start = 0;
  while (start < chars.length && lines.length < maxLines) {
    let end = start + 1;
    while (end < chars.length && measure(chars.slice(start, end + 1).join(''), textFont) <= maxWidth) end++;
    const isLast = lines.length === maxLines - 1;
    if (isLast && end < chars.length) {
      let cut = end;
      while (cut > start + 1 && measure(`${chars.slice(start, cut).join('')}…`, textFont) > maxWidth) cut--;
      lines.push(`${chars.slice(start, cut).join('').trimEnd()}…`);
      return lines;
    }
    // A Latin word or a number is not cut in two: break at the space before it, if the line has one.
    if (end < chars.length && WORD_CHAR.test(chars[end]) && WORD_CHAR.test(chars[end - 1])) {
      const space = chars.lastIndexOf(' ', end - 1);
      if (space > start) end = space;
    }
    lines.push(chars.slice(start, end).join('').trim());
    start = end;
    while (chars[start] === ' ') start++;
  }
  return lines;
}

const MARGIN = 64;
const HEADER_H = 140;
const COVER_H = 608;
const PANEL_TOP = 1480;
const TITLE = { size: 64, line: 84, maxLines: 3 };
const SUMMARY = { size: 36, line: 54, maxLines: 3 };
const FIGURE = { h: 150, gap: 24, label: 30, value: 44, pad: 28, max: 4 };
const QR = { x: MARGIN, y: 1520, size: 320, pad: 10 };

/** The poster's drawing operations for a card, in painting order. */
export function layoutPoster(input: PosterInput, measure: MeasureText): PosterLayout {
  const ops: PosterOp[] = [];
  const W = POSTER_WIDTH;
  const H = POSTER_HEIGHT;
  const contentW = W - 2 * MARGIN;

  ops.push({ type: 'rect', x: 0, y: 0, w: W, h: H, fill: COLORS.white });

  // Header: who invites, and what kind of offer this is.
  ops.push({ type: 'rect', x: 0, y: 0, w: W, h: HEADER_H, fill: COLORS.navy });
  const kindFont = font(32);
  const kindW = measure(input.kindLabel, kindFont) + 48;
  ops.push({ type: 'rect', x: W - MARGIN - kindW, y: 44, w: kindW, h: 52, fill: COLORS.navyLight, radius: 26 });
  ops.push({
    type: 'text',
    role: 'kind',
    x: W - MARGIN - kindW / 2,
    y: 70,
    text: input.kindLabel,
    font: kindFont,
    color: COLORS.white,
    align: 'center',
  });
  const headFont = font(44, true);
  const [headline] = wrapText(POSTER_TEXT.headline(input.districtName), headFont, W - 3 * MARGIN - kindW, 1, measure);
  ops.push({
    type: 'text',
    role: 'headline',
    x: MARGIN,
    y: 70,
    text: headline ?? '',
    font: headFont,
    color: COLORS.white,
    align: 'left',
  });

  // Cover, or a band in the card's colours with the kind written large.
  if (input.hasCover) {
    ops.push({ type: 'image', slot: 'cover', x: 0, y: HEADER_H, w: W, h: COVER_H });
  } else {
    ops.push({ type: 'gradient', x: 0, y: HEADER_H, w: W, h: COVER_H, from: COLORS.navy, to: COLORS.navyLight });
    ops.push({
      type: 'text',
      role: 'coverKind',
      x: W / 2,
      y: HEADER_H + COVER_H / 2,
      text: input.kindLabel,
      font: font(96, true),
      color: COLORS.white,
      align: 'center',
    });
  }

  // Body: title first; then as many figure rows and summary lines as the space above the QR panel allows.
  let y = HEADER_H + COVER_H + 56;
  const available = PANEL_TOP - 32 - y;
  const titleFont = font(TITLE.size, true);
  const titleLines = wrapText(input.title, titleFont, contentW, TITLE.maxLines, measure);
  const titleH = titleLines.length * TITLE.line + 24;
  const figures = input.figures.slice(0, FIGURE.max);
  const wantedRows = Math.ceil(figures.length / 2);
  const rows = Math.max(
    0,
    Math.min(wantedRows, Math.floor((available - titleH + FIGURE.gap) / (FIGURE.h + FIGURE.gap))),
  );
  const figuresH = rows ? rows * FIGURE.h + (rows - 1) * FIGURE.gap : 0;
  const summaryRoom = available - titleH - figuresH - (rows ? 32 : 0);
  const summaryFont = font(SUMMARY.size);
  const summaryLines = wrapText(
    input.summary,
    summaryFont,
    contentW,
    Math.max(0, Math.min(SUMMARY.maxLines, Math.floor(summaryRoom / SUMMARY.line))),
    measure,
  );

  titleLines.forEach((line, i) => {
    ops.push({
      type: 'text',
      role: 'title',
      x: MARGIN,
      y: y + i * TITLE.line + TITLE.line / 2,
      text: line,
      font: titleFont,
      color: COLORS.text,
      align: 'left',
    });
  });
  y += titleH;
  summaryLines.forEach((line, i) => {
    ops.push({
      type: 'text',
      role: 'summary',
      x: MARGIN,
      y: y + i * SUMMARY.line + SUMMARY.line / 2,
      text: line,
      font: summaryFont,
      color: COLORS.muted,
      align: 'left',
    });
  });
  if (summaryLines.length) y += summaryLines.length * SUMMARY.line + 32;

  const boxW = (contentW - FIGURE.gap) / 2;
  const valueFont = font(FIGURE.value, true);
  const drawn = figures.slice(0, rows * 2);
  drawn.forEach((figure, i) => {
    const bx = MARGIN + (i % 2) * (boxW + FIGURE.gap);
    const by = y + Math.floor(i / 2) * (FIGURE.h + FIGURE.gap);
    // An odd last figure (often the location, the longest) takes the whole row, as on the card page.
    const w = i === drawn.length - 1 && i % 2 === 0 ? contentW : boxW;
    ops.push({ type: 'rect', x: bx, y: by, w, h: FIGURE.h, fill: COLORS.figureBg, radius: 16 });
    ops.push({
      type: 'text',
      role: 'figureLabel',
      x: bx + FIGURE.pad,
      y: by + 46,
      text: figure.label,
      font: font(FIGURE.label),
      color: COLORS.faint,
      align: 'left',
    });
    const [value] = wrapText(figure.value, valueFont, w - 2 * FIGURE.pad, 1, measure);
    ops.push({
      type: 'text',
      role: 'figureValue',
      x: bx + FIGURE.pad,
      y: by + 104,
      text: value ?? '',
      font: valueFont,
      color: COLORS.navy,
      align: 'left',
    });
  });

  // The panel: the QR code, what to do with it, whom to call, and who invites.
  ops.push({ type: 'rect', x: 0, y: PANEL_TOP, w: W, h: H - PANEL_TOP, fill: COLORS.panelBg });
  ops.push({ type: 'rect', x: QR.x, y: QR.y, w: QR.size, h: QR.size, fill: COLORS.white, radius: 16 });
  ops.push({
    type: 'image',
    slot: 'qr',
    x: QR.x + QR.pad,
    y: QR.y + QR.pad,
    w: QR.size - 2 * QR.pad,
    h: QR.size - 2 * QR.pad,
  });
  const textX = QR.x + QR.size + 48;
  const textW = W - MARGIN - textX;
  const side: { role: string; text: string; font: string; color: string; gap: number }[] = [
    { role: 'scan', text: POSTER_TEXT.scan, font: font(48, true), color: COLORS.navy, gap: 72 },
    { role: 'scanSub', text: POSTER_TEXT.scanSub, font: font(32), color: COLORS.muted, gap: 72 },
  ];
  if (input.contactPhone)
    side.push({
      role: 'contact',
      text: POSTER_TEXT.contact(input.contactPhone),
      font: font(32),
      color: COLORS.text,
      gap: 52,
    });
  if (input.contactName)
    side.push({
      role: 'contactName',
      text: POSTER_TEXT.contactName(input.contactName),
      font: font(30),
      color: COLORS.muted,
      gap: 52,
    });
  let sideY = QR.y + 48;
  for (const line of side) {
    const [text] = wrapText(line.text, line.font, textW, 1, measure);
    if (text)
      ops.push({
        type: 'text',
        role: line.role,
        x: textX,
        y: sideY,
        text,
        font: line.font,
        color: line.color,
        align: 'left',
      });
    sideY += line.gap;
  }
  const footFont = font(28);
  const [footer] = wrapText(POSTER_TEXT.footer(input.districtName), footFont, contentW, 1, measure);
  ops.push({
    type: 'text',
    role: 'footer',
    x: W / 2,
    y: H - 40,
    text: footer ?? '',
    font: footFont,
    color: COLORS.faint,
    align: 'center',
  });

  return { width: W, height: H, ops };
}

/** The part of a picture that fills a box without stretching (CSS object-fit: cover), centred. */
export function coverCrop(srcW: number, srcH: number, boxW: number, boxH: number) {
  const scale = Math.max(boxW / srcW, boxH / srcH);
  const sw = boxW / scale;
  const sh = boxH / scale;
  return { sx: (srcW - sw) / 2, sy: (srcH - sh) / 2, sw, sh };
}

export interface PosterImage {
  width: number;
  height: number;
}

/** The 2D context calls the poster needs (a subset of CanvasRenderingContext2D). */
export type PosterContext = Pick<
  CanvasRenderingContext2D,
  | 'fillStyle'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
  | 'fillRect'
  | 'fillText'
  | 'beginPath'
  | 'roundRect'
  | 'fill'
  | 'createLinearGradient'
  | 'drawImage'
  | 'measureText'
>;

/** Replays a layout on a canvas; an image slot without its picture is left as it is. */
export function paintPoster(
  ctx: PosterContext,
  layout: PosterLayout,
  images: Partial<Record<'cover' | 'qr', CanvasImageSource & PosterImage>>,
): void {
  ctx.textBaseline = 'middle';
  for (const op of layout.ops) {
    if (op.type === 'rect') {
      ctx.fillStyle = op.fill;
      if (op.radius) {
        ctx.beginPath();
        ctx.roundRect(op.x, op.y, op.w, op.h, op.radius);
        ctx.fill();
      } else {
        ctx.fillRect(op.x, op.y, op.w, op.h);
      }
    } else if (op.type === 'gradient') {
      const gradient = ctx.createLinearGradient(op.x, op.y, op.x + op.w, op.y + op.h);
      gradient.addColorStop(0, op.from);
      gradient.addColorStop(1, op.to);
      ctx.fillStyle = gradient;
      ctx.fillRect(op.x, op.y, op.w, op.h);
    } else if (op.type === 'text') {
      ctx.font = op.font;
      ctx.fillStyle = op.color;
      ctx.textAlign = op.align;
      ctx.fillText(op.text, op.x, op.y);
    } else {
      const image = images[op.slot];
      if (!image) continue;
      if (op.slot === 'cover') {
        const { sx, sy, sw, sh } = coverCrop(image.width, image.height, op.w, op.h);
        ctx.drawImage(image, sx, sy, sw, sh, op.x, op.y, op.w, op.h);
      } else {
        ctx.drawImage(image, op.x, op.y, op.w, op.h);
      }
    }
  }
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.decoding = 'async';
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error(`image ${src.slice(0, 60)} did not load`));
    image.src = src;
  });
}

/**
 * Draws the poster in the browser and returns it as a PNG data URL (for an <img> a long press
 * saves in WeChat, and for the download). A cover that fails to load is left out, not fatal.
 */
export async function drawPoster(
  input: Omit<PosterInput, 'hasCover'>,
  sources: { coverUrl: string | null; qrUrl: string },
): Promise<string> {
  const [cover, qr] = await Promise.all([
    sources.coverUrl ? loadImage(sources.coverUrl).catch(() => null) : Promise.resolve(null),
    loadImage(sources.qrUrl),
  ]);
  const canvas = document.createElement('canvas');
  canvas.width = POSTER_WIDTH;
  canvas.height = POSTER_HEIGHT;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas 2D is not available');
  // Text measured before the CJK web font is ready would be laid out with the wrong widths.
  await document.fonts?.ready;
  const measure: MeasureText = (text, textFont) => {
    ctx.font = textFont;
    return ctx.measureText(text).width;
  };
  const layout = layoutPoster({ ...input, hasCover: cover !== null }, measure);
  paintPoster(ctx, layout, { cover: cover ?? undefined, qr });
  return canvas.toDataURL('image/png');
}
