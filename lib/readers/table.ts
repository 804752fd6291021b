import { kept, once } from './once';
import { matchingAny } from './query';
import { labelText, readText, UNREAD } from './text';

/**
 * Every data table on a Seller Center page, in one shape, whatever it is built from:
 * a plain `<table>` (Fusion Next without a fixed header, `ait-` tables), Fusion / `ait-`
 * fixed-header tables whose header and body are two separate `<table>`s, and `div` grids
 * with ARIA roles. Columns are matched by position; merged cells (colspan / rowspan,
 * aria-colspan / aria-rowspan) are laid out so that `cells[i]` is always under `headers[i]`.
 */

export interface TableRow {
  element: Element;
  /** One element per column, position-aligned with the headers; a merged cell fills every column it spans. */
  cells: Element[];
}

export interface DataTable {
  /** The element that holds the whole table (the Fusion wrapper for a split table). */
  container: Element;
  /** Header words, normalised (no sort arrows, no "?" help marks); the lowest header row wins under a grouped header. */
  headers: string[];
  headerCells: Element[];
  rows: TableRow[];
  /** The page's own elements in the body whose text is not read (hidden tooltips, icons): a row holding one is read with care. */
  unread: Element[];
}

// Class names are hints that change over time: old (Fusion `next-`) and new (`ait-`) side by side.
const SPLIT_TABLES = [
  { container: '.next-table', header: '.next-table-header', body: '.next-table-body' },
  { container: '.ait-table', header: '.ait-table-header', body: '.ait-table-body' },
] as const;
const ROLE_GRID = '[role="grid"], [role="treegrid"], [role="table"]';
const ROLE_CELL = '[role="gridcell"], [role="cell"], [role="columnheader"], [role="rowheader"]';
const ANY_CELL = `td, th, ${ROLE_CELL}`;
/** Rows that are not data: hidden measuring rows, and expanded detail rows under a data row. */
const NOT_DATA_ROW = '[hidden], [aria-hidden="true"], .next-table-expanded-row, .ait-table-expanded-row';
/** Cells that span: without one in the table, its rows need no laying out (thousands of rows, four attributes a cell). */
const SPANNING = '[colspan], [rowspan], [aria-colspan], [aria-rowspan]';
/** A hostile or broken colspan must not make us build a million-column row. */
const MAX_COLUMNS = 200;

/** The data tables under root, outermost only: a table inside another table's cell belongs to that cell. */
export const findTables = (root: ParentNode): DataTable[] => once('tables', root, () => tablesUnder(root));

/** What may hold a table, a selector at a time (matchingAny); the containers are put back in the page's order after. */
const CONTAINER_QUERIES = ['table', ...ROLE_GRID.split(', ')];
const DOCUMENT_POSITION_FOLLOWING = 4;
const inPageOrder = (a: Element, b: Element) => (a.compareDocumentPosition(b) & DOCUMENT_POSITION_FOLLOWING ? -1 : 1);

function tablesUnder(root: ParentNode): DataTable[] {
  const containers = new Set(
    [...matchingAny(root, CONTAINER_QUERIES)].map((element) => (element.localName === 'table' ? (splitContainer(element) ?? element) : element)),
  );
  const outer = [...containers].sort(inPageOrder).filter((container) => !container.parentElement?.closest(ANY_CELL));
  return (
    outer
      // Fusion puts role="table" on the wrapper of a real <table>: read the table, not the wrapper twice.
      .filter((container) => !(isDivGrid(container) && outer.some((other) => other !== container && container.contains(other))))
      // A table the page has not changed since the last pass is not walked again.
      .map((container) => kept('table', container, () => readTable(container)))
      .filter((table): table is DataTable => table !== null)
  );
}

/**
 * One table, given its container (a `<table>`, a split-table wrapper or a role grid). Cheap enough
 * to call again on every re-render: it only walks structure; reading a row's text is the caller's.
 */
export function readTable(container: Element): DataTable | null {
  for (const names of SPLIT_TABLES) {
    const pair = container.matches(names.container) ? halves(container, names) : null;
    if (pair) return assemble(container, tableRows(pair[0]), tableRows(pair[1]), marksOf(pair[1]));
  }
  if (container.localName === 'table') {
    const rows = tableRows(container);
    const inHead = rows.filter((row) => row.parentElement?.localName === 'thead');
    const headerRows = inHead.length > 0 ? inHead : leadingHeaderRows(rows);
    return assemble(
      container,
      headerRows,
      rows.filter((row) => !headerRows.includes(row)),
      marksOf(container),
    );
  }
  if (!isDivGrid(container)) return null;
  const rows = [...container.querySelectorAll('[role="row"]')].filter((row) => row.closest(ROLE_GRID) === container);
  if (rows.length === 0) return null;
  const headerRows = rows.filter((row) => roleCells(row).every((cell) => cell.getAttribute('role') === 'columnheader'));
  return assemble(
    container,
    headerRows,
    rows.filter((row) => !headerRows.includes(row)),
    marksOf(container),
  );
}

/** `candidates`: the rows below the header, data or not; `marks`: what marksOf found in the body. */
function assemble(container: Element, headerRows: Element[], candidates: Element[], marks: TableMarks): DataTable {
  const headerCells = layout(headerRows.map(cellsOf)).at(-1) ?? [];
  const headers = headerCells.map((cell) => labelText(readText(cell)));
  const bodyRows = dataRows(candidates);
  const laidOut = marks.spanning ? layout(bodyRows.map(cellsOf)) : null;
  const rows: TableRow[] = [];
  bodyRows.forEach((element, index) => {
    const cells = laidOut ? laidOut[index]! : cellsOf(element);
    if (!isMessageRow(cells, headers.length)) rows.push({ element, cells });
  });
  return { container, headers, headerCells, rows, unread: marks.unread };
}

function splitContainer(table: Element): Element | null {
  for (const names of SPLIT_TABLES) {
    const container = table.closest(`${names.header}, ${names.body}`)?.closest(names.container);
    if (container && halves(container, names)) return container;
  }
  return null;
}

/** The header table and the body table of a split table, or null when it is not split (once a pass: each is two queries over the table). */
const halves = (container: Element, names: (typeof SPLIT_TABLES)[number]): [Element, Element] | null =>
  once(`halves${names.container}`, container, () => splitHalves(container, names));

function splitHalves(container: Element, names: (typeof SPLIT_TABLES)[number]): [Element, Element] | null {
  const own = (selector: string) =>
    [...container.querySelectorAll(`${selector} table`)].find((table) => splitOwner(table, names) === container);
  const header = own(names.header);
  const body = own(names.body);
  return header && body ? [header, body] : null;
}

const splitOwner = (table: Element, names: (typeof SPLIT_TABLES)[number]) =>
  table.closest(`${names.header}, ${names.body}`)?.closest(names.container) ?? null;

const isDivGrid = (element: Element) => element.localName !== 'table' && element.matches(ROLE_GRID);

/**
 * What a table's reading looks for besides its rows and cells: whether a cell spans, and which
 * elements hold text that is not read. A selector at a time (matchingAny; our own hosts left out
 * in each): on 2,000 rows, in the page's world, ~6 ms against ~10 for one list that also held the
 * rows' marks. A spanning cell is looked for until the first one.
 */
interface TableMarks {
  spanning: boolean;
  unread: Element[];
}
const SPANNING_QUERIES = SPANNING.split(', ');
const UNREAD_QUERIES = UNREAD.split(', ')
  .filter((selector) => selector !== '[data-lsm-kind]')
  .map((selector) => `${selector}:not([data-lsm-kind])`);

function marksOf(body: Element): TableMarks {
  return {
    spanning: SPANNING_QUERIES.some((selector) => body.querySelector(selector) !== null),
    unread: [...matchingAny(body, UNREAD_QUERIES)],
  };
}

const ROW_GROUPS = new Set(['thead', 'tbody', 'tfoot']);

/**
 * The rows of this table, not of tables nested in its cells: its own `tr` children and its row
 * groups'. Measured on 2,000 rows from an isolated world: ~4 ms, against ~10 ms for
 * the query, which matches every element of the table against four selectors.
 */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (let child = table.firstElementChild; child; child = child.nextElementSibling) {
    if (child.localName === 'tr') rows.push(child);
    else if (ROW_GROUPS.has(child.localName)) {
      for (let row = child.firstElementChild; row; row = row.nextElementSibling) if (row.localName === 'tr') rows.push(row);
    }
  }
  return rows;
}

/** Without a <thead>, the first rows made only of <th> are the header. */
function leadingHeaderRows(rows: Element[]): Element[] {
  const count = rows.findIndex((row) => !cellsOf(row).every((cell) => cell.localName === 'th'));
  return rows.slice(0, count === -1 ? rows.length : count);
}

const roleCells = (row: Element) =>
  [...row.querySelectorAll(ROLE_CELL)].filter((cell) => cell.closest('[role="row"]') === row);

/** A row's cells, MAX_COLUMNS at most. */
function cellsOf(row: Element): Element[] {
  if (row.localName !== 'tr') return roleCells(row).slice(0, MAX_COLUMNS);
  // Made at its full length (a row of thousands, each kept while its table is): cut to the cells found.
  const cells = new Array<Element>(Math.min(row.childElementCount, MAX_COLUMNS));
  let count = 0;
  for (let cell = row.firstElementChild; cell && count < cells.length; cell = cell.nextElementSibling) {
    const name = cell.localName;
    if (name === 'td' || name === 'th') cells[count++] = cell;
  }
  cells.length = count;
  return cells;
}

/** The rows that are data: not marked as hidden or as a detail row, not styled display: none. */
const dataRows = (rows: Element[]): Element[] =>
  rows.filter((row) => !row.matches(NOT_DATA_ROW) && !(row.hasAttribute('style') && (row as HTMLElement).style?.display === 'none'));

/** "No data", "loading…" and similar: one cell across the whole width. */
const isMessageRow = (cells: Element[], columns: number) =>
  columns > 1 && cells.length >= columns && cells.every((cell) => cell === cells[0]);

function span(cell: Element, attribute: 'col' | 'row', most: number): number {
  const value = Number.parseInt(cell.getAttribute(`${attribute}span`) ?? cell.getAttribute(`aria-${attribute}span`) ?? '1', 10);
  if (!Number.isFinite(value) || value < 0) return 1;
  // rowspan="0" reaches the end of the table section.
  return Math.min(value === 0 ? most : value, most);
}

/** Places cells in a grid, honouring spans; a line is kept up to its first gap (a malformed span). */
function layout(rows: Element[][]): Element[][] {
  const grid: Element[][] = rows.map(() => []);
  rows.forEach((cells, r) => {
    const line = grid[r]!;
    let column = 0;
    for (const cell of cells) {
      while (line[column]) column += 1;
      const across = span(cell, 'col', MAX_COLUMNS - column);
      const down = span(cell, 'row', rows.length - r);
      for (let dr = 0; dr < down; dr += 1) {
        for (let dc = 0; dc < across; dc += 1) grid[r + dr]![column + dc] = cell;
      }
      column += across;
    }
  });
  return grid.map((line) => {
    const dense: Element[] = [];
    for (let column = 0; line[column]; column += 1) dense.push(line[column]!);
    return dense;
  });
}
