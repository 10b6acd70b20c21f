import { Transform } from 'class-transformer';

/** The district's time zone: China keeps UTC+8 all year, so a day starts at 00:00+08:00. */
export const DISTRICT_TIME_ZONE = 'Asia/Shanghai';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A day given where an instant is expected ('2026-12-10' for a follow-up, a due date, a filter's
 * bound) means the start of that day in the district, as an import of the same spreadsheet cell
 * does — not UTC midnight, which is 08:00 there. Times with an offset pass unchanged.
 */
export function districtDayStart(value: unknown): unknown {
  return typeof value === 'string' && DATE_ONLY.test(value.trim()) ? `${value.trim()}T00:00:00+08:00` : value;
}

/** On an instant field of a DTO: a date-only value is the district's day (see districtDayStart). */
export const AtDistrictDay = () => Transform(({ value }) => districtDayStart(value));
