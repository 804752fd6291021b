/**
 * Without a font that has Chinese glyphs, Chromium draws the zh pages as boxes: screenshots show
 * them, and the bench's page costs far less to lay out than on a seller's machine. fontconfig can
 * tell where it is installed (Linux); elsewhere nothing is said.
 */
import { execFileSync } from 'node:child_process';

export function warnWithoutChineseFont(consequence: string): void {
  let fonts: string;
  try {
    fonts = execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return;
  }
  if (fonts.trim() === '') console.warn(`No Chinese font is installed: ${consequence}. Install one: apt-get install fonts-noto-cjk`);
}
