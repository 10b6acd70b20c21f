import {
  coverCrop,
  layoutPoster,
  paintPoster,
  POSTER_HEIGHT,
  POSTER_WIDTH,
  wrapText,
  type MeasureText,
  type PosterContext,
  type PosterInput,
  type PosterLayout,
  type PosterOp,
} from '../poster';

/** A stand-in for the canvas's measureText: a CJK character is one em wide, anything else half. */
const measure: MeasureText = (text, font) => {
  const size = Number(/(\d+)px/.exec(font)?.[1]);
  return Array.from(text).reduce((width, c) => width + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? size : size / 2), 0);
};

const CARD: PosterInput = {
  title: '汽车零部件产业园 A-03 地块',
  kindLabel: '土地',
  summary: '紧邻整车厂与绕城高速，适合汽车零部件、新能源电池配套企业落地。',
  districtName: '示范区',
  figures: [
    { label: '投资规模', value: '5亿元' },
    { label: '用地面积', value: '120.5亩' },
    { label: '项目位置', value: '经开区汽车产业园东区' },
  ],
  contactName: '招商服务中心 王科长',
  contactPhone: '0731-8888 1234',
  hasCover: true,
};

type TextOp = Extract<PosterOp, { type: 'text' }>;
const texts = (layout: PosterLayout, role: string) =>
  layout.ops.filter((op): op is TextOp => op.type === 'text' && op.role === role).map((op) => op.text);
const opsOf = <T extends PosterOp['type']>(layout: PosterLayout, type: T) =>
  layout.ops.filter((op): op is Extract<PosterOp, { type: T }> => op.type === type);

describe('wrapText', () => {
  const font = '600 10px sans-serif';

  it('breaks Chinese text at any character to fit the width', () => {
    expect(wrapText('一二三四五六七八九十', font, 40, 5, measure)).toEqual(['一二三四', '五六七八', '九十']);
  });

  it('ends the last allowed line with an ellipsis when text is left over, still within the width', () => {
    const lines = wrapText('一二三四五六七八九十', font, 40, 2, measure);

    expect(lines).toEqual(['一二三四', '五六七…']);
    expect(lines.every((line) => measure(line, font) <= 40)).toBe(true);
  });

  it('breaks Latin text at spaces, not inside a word, and mixes with Chinese', () => {
    expect(wrapText('Intelligent manufacturing park phase III', font, 100, 3, measure)).toEqual([
      'Intelligent',
      'manufacturing park',
      'phase III',
    ]);
    expect(wrapText('智能制造 park A-03', font, 80, 2, measure)).toEqual(['智能制造 park', 'A-03']);
  });

  it('collapses runs of whitespace and gives nothing for empty text or no lines', () => {
    expect(wrapText('  A   B  ', font, 100, 1, measure)).toEqual(['A B']);
    expect(wrapText('   ', font, 100, 3, measure)).toEqual([]);
    expect(wrapText('一二三', font, 100, 0, measure)).toEqual([]);
  });
});

describe('layoutPoster', () => {
  it('draws a phone-screen poster: district and kind, cover, title, summary, figures, QR, call to scan, contact and footer', () => {
    const layout = layoutPoster(CARD, measure);

    expect([layout.width, layout.height]).toEqual([1080, 1920]);
    expect(texts(layout, 'headline')).toEqual(['示范区 · 招商推介']);
    expect(texts(layout, 'kind')).toEqual(['土地']);
    expect(texts(layout, 'title')).toEqual(['汽车零部件产业园 A-03 地块']);
    expect(texts(layout, 'summary')).toEqual(['紧邻整车厂与绕城高速，适合汽车零部件、新能源电池配套', '企业落地。']);
    expect(texts(layout, 'figureLabel')).toEqual(['投资规模', '用地面积', '项目位置']);
    expect(texts(layout, 'figureValue')).toEqual(['5亿元', '120.5亩', '经开区汽车产业园东区']);
    expect(texts(layout, 'scan')).toEqual(['长按识别二维码']);
    expect(texts(layout, 'contact')).toEqual(['咨询电话 0731-8888 1234']);
    expect(texts(layout, 'contactName')).toEqual(['联系人 招商服务中心 王科长']);
    expect(texts(layout, 'footer')).toEqual(['示范区投资促进 · 诚邀四方客商']);
    expect(opsOf(layout, 'image').map(({ slot, x, y, w, h }) => ({ slot, x, y, w, h }))).toEqual([
      { slot: 'cover', x: 0, y: 140, w: 1080, h: 608 },
      { slot: 'qr', x: 74, y: 1530, w: 300, h: 300 },
    ]);
  });

  it('keeps every text inside the poster, and the body above the QR panel', () => {
    const layout = layoutPoster(CARD, measure);
    const panelTop = opsOf(layout, 'rect').find((op) => op.fill === '#f3f5f9')!.y;

    for (const op of opsOf(layout, 'text')) {
      const width = measure(op.text, op.font);
      const left = op.align === 'center' ? op.x - width / 2 : op.x;
      expect([op.role, left >= 0 && left + width <= POSTER_WIDTH && op.y > 0 && op.y < POSTER_HEIGHT]).toEqual([
        op.role,
        true,
      ]);
    }
    const body = opsOf(layout, 'text').filter((op) => ['title', 'summary', 'figureValue'].includes(op.role));
    expect(Math.max(...body.map((op) => op.y))).toBeLessThan(panelTop);
  });

  it('gives an odd last figure the whole row, so a long location is not cut short', () => {
    const layout = layoutPoster(CARD, measure);
    const boxes = opsOf(layout, 'rect').filter((op) => op.fill === '#f2f6ff');

    expect(boxes.map((box) => box.w)).toEqual([464, 464, 952]);
    expect(boxes[2].y).toBeGreaterThan(boxes[0].y);
  });

  it('shortens a long title to three lines and gives up summary lines before figures when space runs out', () => {
    const layout = layoutPoster(
      {
        ...CARD,
        title: '智能制造产业园标准厂房三期可分层出租出售带十吨行车层高九米承重三吨每平方米拎包入驻租金前三年减半',
        summary: '三期标准厂房共十二栋'.repeat(12),
        figures: [
          { label: '投资规模', value: '3亿元' },
          { label: '用地面积', value: '160亩' },
          { label: '建筑面积', value: '72,000㎡' },
          { label: '项目位置', value: '高新区智能制造产业园三期' },
        ],
      },
      measure,
    );

    const title = texts(layout, 'title');
    expect(title).toHaveLength(3);
    expect(title[2].endsWith('…')).toBe(true);
    // Four figures fill two rows of halves; a value too long for its half ends in an ellipsis.
    expect(texts(layout, 'figureValue')).toEqual(['3亿元', '160亩', '72,000㎡', '高新区智能制造产…']);
    expect(texts(layout, 'summary').length).toBeLessThan(3);
  });

  it('without a cover draws a band in the card’s colours with the kind written large, and no cover image', () => {
    const layout = layoutPoster({ ...CARD, hasCover: false, contactName: null, contactPhone: null }, measure);

    expect(opsOf(layout, 'image').map((op) => op.slot)).toEqual(['qr']);
    expect(opsOf(layout, 'gradient')).toEqual([
      { type: 'gradient', x: 0, y: 140, w: 1080, h: 608, from: '#0b3d91', to: '#2f6fd6' },
    ]);
    expect(texts(layout, 'coverKind')).toEqual(['土地']);
    expect(texts(layout, 'contact')).toEqual([]);
    expect(texts(layout, 'contactName')).toEqual([]);
  });
});

describe('coverCrop', () => {
  it('takes the middle of a wide picture to fill a narrower box without stretching', () => {
    expect(coverCrop(1600, 600, 1080, 608)).toEqual({
      sx: expect.closeTo(267.1, 1),
      sy: 0,
      sw: expect.closeTo(1065.8, 1),
      sh: 600,
    });
  });

  it('takes the middle band of a tall picture', () => {
    const crop = coverCrop(960, 1280, 1080, 608);
    expect(crop.sx).toBe(0);
    expect(crop.sw).toBe(960);
    expect(crop.sh).toBeCloseTo((960 * 608) / 1080, 5);
    expect(crop.sy).toBeCloseTo((1280 - crop.sh) / 2, 5);
  });
});

describe('paintPoster', () => {
  function recordingContext() {
    const calls: unknown[][] = [];
    const gradient = { addColorStop: jest.fn() };
    const ctx = {
      fillStyle: '' as unknown,
      font: '',
      textAlign: 'start',
      textBaseline: 'alphabetic',
      fillRect: (...args: unknown[]) => calls.push(['fillRect', ctx.fillStyle, ...args]),
      fillText: (...args: unknown[]) => calls.push(['fillText', ctx.font, ctx.fillStyle, ctx.textAlign, ...args]),
      beginPath: () => calls.push(['beginPath']),
      roundRect: (...args: unknown[]) => calls.push(['roundRect', ...args]),
      fill: () => calls.push(['fill', ctx.fillStyle]),
      createLinearGradient: (...args: unknown[]) => {
        calls.push(['createLinearGradient', ...args]);
        return gradient;
      },
      drawImage: (...args: unknown[]) => calls.push(['drawImage', ...args]),
      measureText: () => ({ width: 0 }),
    };
    return { ctx: ctx as unknown as PosterContext, calls, gradient };
  }

  it('replays the layout: rectangles, rounded boxes, texts in their font and colour, the cover cropped and the QR code', () => {
    const { ctx, calls } = recordingContext();
    const cover = { width: 1600, height: 1000 } as unknown as HTMLImageElement;
    const qr = { width: 512, height: 512 } as unknown as HTMLImageElement;

    paintPoster(ctx, layoutPoster(CARD, measure), { cover, qr });

    expect(ctx.textBaseline).toBe('middle');
    expect(calls[0]).toEqual(['fillRect', '#ffffff', 0, 0, 1080, 1920]);
    expect(calls[1]).toEqual(['fillRect', '#0b3d91', 0, 0, 1080, 140]);
    expect(calls).toContainEqual([
      'fillText',
      expect.stringMatching(/^600 64px /),
      '#1f2329',
      'left',
      '汽车零部件产业园 A-03 地块',
      64,
      expect.any(Number),
    ]);
    expect(calls).toContainEqual([
      'fillText',
      expect.stringMatching(/^600 48px /),
      '#0b3d91',
      'left',
      '长按识别二维码',
      432,
      expect.any(Number),
    ]);
    const crop = coverCrop(1600, 1000, 1080, 608);
    expect(calls).toContainEqual(['drawImage', cover, crop.sx, crop.sy, crop.sw, crop.sh, 0, 140, 1080, 608]);
    expect(calls).toContainEqual(['drawImage', qr, 74, 1530, 300, 300]);
    expect(calls.filter((call) => call[0] === 'roundRect')).toHaveLength(5);
  });

  it('leaves a slot empty when its picture is missing, and fills the cover band with a gradient when there is none', () => {
    const { ctx, calls, gradient } = recordingContext();

    paintPoster(ctx, layoutPoster({ ...CARD, hasCover: false }, measure), {});

    expect(calls.filter((call) => call[0] === 'drawImage')).toEqual([]);
    expect(calls).toContainEqual(['createLinearGradient', 0, 140, 1080, 748]);
    expect(gradient.addColorStop.mock.calls).toEqual([
      [0, '#0b3d91'],
      [1, '#2f6fd6'],
    ]);
    expect(calls).toContainEqual(['fillRect', gradient, 0, 140, 1080, 608]);
  });
});
