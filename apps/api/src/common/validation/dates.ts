import { ApiProperty } from '@nestjs/swagger';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * The one check of every date and time a client sends. class-validator's IsDateString let
 * `2026-02-30` through (PostgreSQL then stored 2026-03-02), and `20261201` or year 0000, which a
 * list filter handed to PostgreSQL as they stood. Here a day must exist in the calendar and its
 * year lie in [MIN_YEAR, MAX_YEAR]: a 招商 record is about this century, and the bound keeps every
 * value inside what PostgreSQL and JavaScript's Date both hold.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A day, or a day and a time with an optional fraction and an optional offset (Z, ±HH:MM or ±HHMM). */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))?)?$/;

const DAY_MESSAGE = `应为真实存在的日期 YYYY-MM-DD，年份 ${MIN_YEAR}–${MAX_YEAR} (invalid date)`;
const INSTANT_MESSAGE = `应为 ISO 8601 时间，如 2026-11-20T10:00:00+08:00，年份 ${MIN_YEAR}–${MAX_YEAR} (invalid date-time)`;

function realDay(year: number, month: number, day: number): boolean {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM-DD`, a day that exists. */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DAY.exec(value);
  return m !== null && realDay(+m[1], +m[2], +m[3]);
}

/** A calendar day, or a day with a valid time of day and offset. */
export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = INSTANT.exec(value);
  if (!m || !realDay(+m[1], +m[2], +m[3])) return false;
  const [hour, minute, second, offsetHours, offsetMinutes] = [m[4], m[5], m[6], m[8], m[9]].map((v) => +(v ?? 0));
  return hour <= 23 && minute <= 59 && second <= 59 && offsetHours <= 14 && offsetMinutes <= 59;
}

function dateDecorator(
  name: string,
  check: (value: unknown) => boolean,
  message: string,
  format: 'date' | 'date-time',
  options?: ValidationOptions,
): PropertyDecorator {
  return (target, propertyName) => {
    // Only the format: the field's own @ApiProperty, applied after this, keeps the rest.
    ApiProperty({ format })(target, propertyName);
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message, ...options },
      validator: { validate: (value: unknown) => check(value) },
    });
  };
}

/** A day, `YYYY-MM-DD`, that exists in the calendar, its year in [MIN_YEAR, MAX_YEAR]. */
export const IsCalendarDay = (options?: ValidationOptions) =>
  dateDecorator('isCalendarDay', isCalendarDay, DAY_MESSAGE, 'date', options);

/** An ISO 8601 day or time (offset optional) whose day exists, its year in [MIN_YEAR, MAX_YEAR]. */
export const IsInstant = (options?: ValidationOptions) =>
  dateDecorator('isInstant', isInstant, INSTANT_MESSAGE, 'date-time', options);
