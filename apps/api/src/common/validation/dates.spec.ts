import { isCalendarDay, isInstant, MAX_YEAR, MIN_YEAR } from './dates';

describe('dates', () => {
  describe(isCalendarDay.name, () => {
    it.each(['2026-12-01', '2024-02-29', '2000-02-29', `${MIN_YEAR}-01-01`, `${MAX_YEAR}-12-31`])('takes %s', (day) => {
      expect(isCalendarDay(day)).toBe(true);
    });

    it.each([
      '2026-02-30',
      '2026-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-12-00',
      '0000-01-01',
      '9999-12-31',
      `${MIN_YEAR - 1}-12-31`,
      `${MAX_YEAR + 1}-01-01`,
      '20261201',
      '2026-12-01T10:00:00Z',
      ' 2026-12-01',
      '',
    ])('refuses %p', (day) => {
      expect(isCalendarDay(day)).toBe(false);
    });

    it('refuses what is not a string', () => {
      expect(isCalendarDay(20261201)).toBe(false);
      expect(isCalendarDay(null)).toBe(false);
      expect(isCalendarDay(new Date())).toBe(false);
    });
  });

  describe(isInstant.name, () => {
    it.each([
      '2026-12-01',
      '2026-12-01T10:00',
      '2026-12-01T10:00:00Z',
      '2026-12-01T10:00:00.123456+08:00',
      '2026-12-01T23:59:59-05:30',
      '2026-12-01 10:00:00+0800',
    ])('takes %s', (value) => {
      expect(isInstant(value)).toBe(true);
    });

    it.each([
      '2026-02-30T10:00:00Z',
      '2026-12-01T24:00:00Z',
      '2026-12-01T25:00:00+08:00',
      '2026-12-01T10:60:00Z',
      '2026-12-01T10:00:60Z',
      '2026-12-01T10:00:00+15:00',
      '0000-01-01T00:00:00Z',
      '9999-12-31T23:59:59Z',
      '20261201T100000Z',
      '2026-12-01T10',
      'yesterday',
    ])('refuses %p', (value) => {
      expect(isInstant(value)).toBe(false);
    });
  });
});
