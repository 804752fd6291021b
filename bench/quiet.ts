/**
 * Waits, before a measured page opens, until the whole machine is idle: the run before it may still
 * be busy in other processes (the extension's worker saving that page's reading, the browser
 * writing IndexedDB), and on two cores that work lands on whichever run comes next, with the
 * extension or without. Linux only (/proc/stat); elsewhere it returns at once.
 */
import { readFileSync } from 'node:fs';

/** Busy share of all cores below which a look counts as quiet; an idle headless browser stays well under it. */
const QUIET_SHARE = 0.08;
const LOOK_MS = 250;
/** Quiet looks in a row that make the machine idle. */
const LOOKS = 2;
/** A machine that never quiets down (someone else's load) is measured anyway, and its load average says so in the report. */
const MOST_MS = 10_000;

/** Busy and total jiffies of all cores since boot, or null where /proc/stat cannot be read. */
function cpuJiffies(): { busy: number; total: number } | null {
  let line: string;
  try {
    line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
  } catch {
    return null;
  }
  // cpu user nice system idle iowait irq softirq steal ...
  const fields = line.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  return { busy: total - fields[3]! - fields[4]!, total };
}

export async function quietMachine(): Promise<void> {
  const deadline = Date.now() + MOST_MS;
  let before = cpuJiffies();
  for (let quiet = 0; before && quiet < LOOKS && Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, LOOK_MS));
    const now = cpuJiffies()!;
    const share = (now.busy - before.busy) / Math.max(1, now.total - before.total);
    quiet = share < QUIET_SHARE ? quiet + 1 : 0;
    before = now;
  }
}
