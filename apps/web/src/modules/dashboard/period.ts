/**
 * The dashboard's period: whole months within the chosen year, kept in the URL as YYYY-MM
 * (`from` and `to`, both inclusive) and sent to the API as days, `to` being the day after.
 */
export interface MonthRange {
  /** YYYY-MM, the first month shown. */
  from: string;
  /** YYYY-MM, the last month shown. */
  to: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The months in the URL when both are in `year` and in order; otherwise none (the whole year). */
export function monthRangeOf(year: number, from: string | undefined, to: string | undefined): MonthRange | null {
  const a = from ? MONTH.exec(from) : null;
  const b = to ? MONTH.exec(to) : null;
  if (!a || !b || Number(a[1]) !== year || Number(b[1]) !== year || from! > to!) return null;
  return { from: from!, to: to! };
}

/** The API's period: the first day of `from`, and the first day after `to` (exclusive). */
export function periodDays(range: MonthRange): { from: string; to: string } {
  const [year, month] = range.to.split('-').map(Number);
  const after = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return { from: `${range.from}-01`, to: after };
}
