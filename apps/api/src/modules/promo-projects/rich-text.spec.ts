import { sanitizeRichText } from './rich-text';

describe(sanitizeRichText.name, () => {
  it('keeps the whitelisted tags and strips every attribute', () => {
    expect(sanitizeRichText('<p style="color:red" onclick="x()">一<strong class="a">二</strong></p>')).toBe(
      '<p>一<strong>二</strong></p>',
    );
  });

  it('drops scripts, styles and frames with their content', () => {
    expect(sanitizeRichText('<p>a</p><script>alert(1)</script><style>p{}</style><iframe src="//x">y</iframe>')).toBe(
      '<p>a</p>',
    );
  });

  it('drops links and images but keeps the link text', () => {
    expect(sanitizeRichText('<a href="javascript:alert(1)">看这里</a><img src=x onerror=alert(2)>')).toBe('看这里');
  });

  it('turns plain lines into paragraphs, escaping what looks like markup', () => {
    expect(sanitizeRichText('一、毗邻整车厂\n\n二、租金 3 < 5 & 免税')).toBe(
      '<p>一、毗邻整车厂</p><p>二、租金 3 &lt; 5 &amp; 免税</p>',
    );
  });
});
