import type { Day } from '../rules/day';

/**
 * The seller's wall clock: which day (lib/rules/day.ts) and minute an instant falls on for them.
 *
 * Which zone: the browser's (Intl's resolved zone), not UTC and not a fixed one. The seller reads
 * the pages at their desk and plans on their own calendar, so "today's stock" and "3 days from now"
 * must turn over at their midnight. Local Stock sellers are mainland-China enterprises (E5), whose
 * browsers run on Asia/Shanghai, which is also the day Seller Center reports in; a seller on the road
 * still gets their own midnight. The zone is a parameter so tests and the worker pass it explicitly.
 */

export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const clockFormats = new Map<string, Intl.DateTimeFormat>();

// One formatter per zone: building one costs far more than formatting with it.
function clockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    clockFormats.set(timeZone, format);
  }
  return format;
}

/** The seller's wall clock at an instant: their day and the minutes since their midnight. */
export function localClock(epochMs: number, timeZone: string): { day: Day; minutes: number } {
  const parts: Record<string, string> = {};
  for (const part of clockFormat(timeZone).formatToParts(epochMs)) parts[part.type] = part.value;
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

export const localDay = (epochMs: number, timeZone: string): Day => localClock(epochMs, timeZone).day;
