import { arrayPieces, jsonBuffer } from './json-text';

describe('jsonBuffer', () => {
  it('encodes the pieces, Chinese and all, as the joined text would be', () => {
    const items = ['{"name":"比亚迪汽车"}', '{"name":"中车株洲","note":"转向架 \\"A\\""}', '{"n":1}'];
    const pieces = arrayPieces(items, ['{"items":']);
    pieces.push(',"nextCursor":null}');
    const body = jsonBuffer(pieces);
    expect(body.toString('utf8')).toBe(`{"items":[${items.join(',')}],"nextCursor":null}`);
    expect(JSON.parse(body.toString('utf8'))).toEqual({
      items: [{ name: '比亚迪汽车' }, { name: '中车株洲', note: '转向架 "A"' }, { n: 1 }],
      nextCursor: null,
    });
    expect(body.length).toBe(Buffer.byteLength(body.toString('utf8')));
  });

  it('gives an empty array for no items, and characters outside the BMP intact', () => {
    expect(jsonBuffer(arrayPieces([])).toString()).toBe('[]');
    expect(JSON.parse(jsonBuffer(arrayPieces(['"𠀾𡈼"'])).toString())).toEqual(['𠀾𡈼']);
  });
});
