import { chinaDateOf, chinaDayStart, costPer, daysInclusive, nextDay } from './event-dates';

describe('event dates', () => {
  describe(chinaDateOf.name, () => {
    it('gives the China calendar date of an instant, not the UTC one', () => {
      expect(chinaDateOf(new Date('2026-12-03T23:30:00+08:00'))).toBe('2026-12-03');
      expect(chinaDateOf(new Date('2026-12-03T16:00:00Z'))).toBe('2026-12-04');
      expect(chinaDateOf(new Date('2026-12-03T15:59:59Z'))).toBe('2026-12-03');
    });
  });

  describe(chinaDayStart.name, () => {
    it('is midnight in China', () => {
      expect(chinaDayStart('2026-12-03').toISOString()).toBe('2026-12-02T16:00:00.000Z');
    });
  });

  describe(daysInclusive.name, () => {
    it('counts both the first and the last day, across a month end', () => {
      expect(daysInclusive('2026-12-03', '2026-12-03')).toBe(1);
      expect(daysInclusive('2026-11-29', '2026-12-02')).toBe(4);
    });
  });

  describe(nextDay.name, () => {
    it('rolls over months and years', () => {
      expect(nextDay('2026-12-31')).toBe('2027-01-01');
    });
  });

  describe(costPer.name, () => {
    it('divides to 0.01 万元 and is null without a budget or a count', () => {
      expect(costPer(50, 3)).toBe(16.67);
      expect(costPer(60, 4)).toBe(15);
      expect(costPer(null, 4)).toBeNull();
      expect(costPer(60, 0)).toBeNull();
    });
  });
});
