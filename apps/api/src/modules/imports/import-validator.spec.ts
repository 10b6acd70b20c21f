import { IMPORT_COLUMNS, matchHeaders } from './import-columns';
import { parseDate, readCell } from './import-validator';

const column = (kind: keyof typeof IMPORT_COLUMNS, field: string) =>
  IMPORT_COLUMNS[kind].find((c) => c.field === field)!;

describe('import cells', () => {
  describe(parseDate.name, () => {
    it('reads the ways people write a day, with or without a time (China time)', () => {
      expect(
        ['2026-03-15', '2026/3/15', '2026.03.15', '2026年3月15日', ' 2026-3-5 '].map((d) => parseDate(d, false)),
      ).toEqual(['2026-03-15', '2026-03-15', '2026-03-15', '2026-03-15', '2026-03-05']);
      expect(parseDate('2026-12-01 09:30', true)).toBe('2026-12-01T09:30:00+08:00');
      expect(parseDate(new Date(Date.UTC(2026, 2, 15)), false)).toBe('2026-03-15');
      expect(parseDate(46096, false)).toBe('2026-03-15');
    });

    it('refuses days that do not exist and text that is not a date', () => {
      expect(
        ['2026-02-30', '2026-13-01', '15/03/2026', '明天', '2026-03-15 25:00'].map((d) => parseDate(d, true)),
      ).toEqual([null, null, null, null, null]);
    });
  });

  describe(readCell.name, () => {
    it('takes labels or codes for coded columns', () => {
      expect(readCell(column('leads', 'source'), '屏对屏/网络')).toEqual({ value: 'online' });
      expect(readCell(column('leads', 'source'), 'homecoming')).toEqual({ value: 'homecoming' });
      expect(readCell(column('leads', 'status'), '已转项目')).toEqual({
        error: '应为：新线索、跟进中、意向明确、无效',
      });
      expect(readCell(column('projects', 'stage'), '已开工')).toEqual({ value: 'under_construction' });
      expect(readCell(column('companies', 'tags'), '上市、专精特新')).toEqual({ value: ['listed', 'srdi'] });
    });

    it('reads 万元 as whole numbers, mobiles without spaces, USCCs by their check character', () => {
      expect(readCell(column('leads', 'estimatedWan'), '1,200')).toEqual({ value: 1200 });
      expect(readCell(column('leads', 'estimatedWan'), '1.5')).toEqual({ error: '应为不小于 0 的整数（单位万元）' });
      expect(readCell(column('leads', 'contactMobile'), '+86 139-0000-1111')).toEqual({ value: '13900001111' });
      expect(readCell(column('companies', 'uscc'), '91350100M000100Y4A')).toEqual({
        error: '统一社会信用代码校验位错误',
      });
      expect(readCell(column('companies', 'isTarget'), '是')).toEqual({ value: true });
      expect(readCell(column('companies', 'name'), "'=HYPERLINK(1)")).toEqual({ value: '=HYPERLINK(1)' });
    });
  });

  describe(matchHeaders.name, () => {
    it('matches headers ignoring spaces, asterisks and bracket width, aliases included; unknown columns are ignored', () => {
      const matched = matchHeaders('leads', [
        '线索名称*',
        ' 来 源 ',
        '预计投资（万元）',
        '负责人',
        '专班',
        '负责人账号',
      ]);
      expect(matched.map((c) => c?.field ?? null)).toEqual([
        'name',
        'source',
        'estimatedWan',
        'ownerUsername',
        null,
        null,
      ]);
    });
  });
});
