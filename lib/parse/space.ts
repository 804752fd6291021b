/**
 * Runs of white space (no-break, zero-width and full-width spaces too) as one plain space, the
 * ends trimmed: how every reader and parser compares page text. Text with nothing to collapse (a
 * table's cells mostly) is returned as it is: a table of thousands of rows makes no copy of each.
 */
export const collapseSpace = (text: string): string => (UNCOLLAPSED.test(text) ? text.replace(SPACE, ' ').trim() : text);

// `\s` holds the no-break space, the byte order mark and the full-width space; not the zero-width space.
const SPACE = /[\s\u200b]+/g;
/** What collapsing would change: any white space but a lone plain space inside the text. */
const UNCOLLAPSED = /[^\S ]|\u200b| {2}|^ | $/;
