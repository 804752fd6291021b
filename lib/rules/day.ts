/**
 * Calendar days as 'YYYY-MM-DD' strings: the seasonal calendar, ship-by dates and history are all
 * per day, and a plain day string has no time zone to get wrong.
 */
export type Day = string;

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;

/** A month as the platform's 30-day figures count it. */
export const DAYS_PER_MONTH = 30;
export const DAYS_PER_WEEK = 7;

const utc = (day: Day): number => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));

export const addDays = (day: Day, days: number): Day => new Date(utc(day) + days * MS_PER_DAY).toISOString().slice(0, 10);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: Day, to: Day): number => Math.round((utc(to) - utc(from)) / MS_PER_DAY);

/** A real calendar day: '2025-02-30' is not one. */
export const isDay = (text: string): boolean => DAY_PATTERN.test(text) && addDays(text, 0) === text;

/** The day a moment falls on where the seller is (the browser's time zone). */
export const dayOf = (moment: Date): Day =>
  [moment.getFullYear(), moment.getMonth() + 1, moment.getDate()].map((n, i) => String(n).padStart(i ? 2 : 4, '0')).join('-');

/**
 * The occurrence, around `day`, of a window that repeats every year, ending on `monthDay` ('MM-DD')
 * and starting `span` days earlier; null when `day` is outside it. The window ending this year is
 * tried, then the one ending next year (a window that starts in December and ends in January).
 */
export function yearlyOccurrence(day: Day, monthDay: string, span: number): { from: Day; to: Day } | null {
  const year = Number(day.slice(0, 4));
  for (const to of [`${year}-${monthDay}`, `${year + 1}-${monthDay}`]) {
    const before = daysBetween(day, to);
    if (before >= 0 && before <= span) return { from: addDays(to, -span), to };
  }
  return null;
}
