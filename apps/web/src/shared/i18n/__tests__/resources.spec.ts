import { en } from '../en';
import { zhCN } from '../zh-CN';

/** Every leaf key of a nested message object, as "a.b.c". */
function keysOf(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value as object, `${prefix}${key}.`),
  );
}

function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
}

describe('i18n resources', () => {
  it('gives English every key Chinese has, and no other', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(zhCN).sort());
  });

  it('keeps the same {{placeholders}} in both languages', () => {
    const lookup = (messages: object, key: string) =>
      key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages) as string;
    for (const key of keysOf(zhCN)) {
      expect([key, placeholdersOf(lookup(en, key))]).toEqual([key, placeholdersOf(lookup(zhCN, key))]);
    }
  });

  it('leaves no English text empty', () => {
    const lookup = (key: string) =>
      key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], en) as string;
    expect(keysOf(en).filter((key) => lookup(key).trim() === '')).toEqual([]);
  });
});
