/**
 * Event and trip days are China days (UTC+8, no daylight saving): a visit at 23:30 on the 3rd in
 * Shanghai is on the 3rd, whatever the server's clock zone.
 */
export const CHINA_UTC_OFFSET_MS = 8 * 3600 * 1000;
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

/** The China calendar date (YYYY-MM-DD) of an instant. */
export function chinaDateOf(instant: Date): string {
  return new Date(instant.getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** 00:00 China time of a calendar date, as an instant. */
export function chinaDayStart(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/** Calendar days from `from` to `to`, both included (a one-day trip has 1). */
export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The day after a calendar date (for exclusive ends). */
export function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** A budget divided by a count, to 0.01 万元; null when there is no budget or nothing to divide by. */
export function costPer(budgetWan: number | null, count: number): number | null {
  if (budgetWan === null || count === 0) return null;
  return Math.round((budgetWan / count) * 100) / 100;
}
