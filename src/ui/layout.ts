// Splits the terminal into the dashboard's panels: every panel gets an exact size so the frame never outgrows the screen.

export interface PanelSize {
  width: number;
  height: number;
}

export interface DashboardLayout {
  /** Total frame height: one less than the terminal so Ink never has to clear the whole screen. */
  height: number;
  width: number;
  wide: boolean;
  header: PanelSize;
  status: PanelSize;
  book: PanelSize & { depth: number };
  position: PanelSize;
  risk: PanelSize;
  quotes: PanelSize;
  activity: PanelSize;
  footer: PanelSize;
}

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 16;
const WIDE_COLUMNS = 120;
/** The engine's snapshot carries 10 levels a side. */
const MAX_DEPTH = 10;

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}

/** The dashboard's layout for a terminal of `columns` x `rows` (tiny terminals get the minimum and are told so by the caller). */
export function dashboardLayout(columns: number, rows: number): DashboardLayout {
  const width = Math.max(MIN_COLUMNS, columns);
  const height = Math.max(MIN_ROWS, rows) - 1;
  const wide = width >= WIDE_COLUMNS;
  const header = { width, height: 2 };
  const status = { width, height: 1 };
  const footer = { width, height: 1 };
  const body = height - header.height - status.height - footer.height;
  const share = clamp(Math.round(body * 0.68), Math.min(body - 3, 9), 34);
  const depth = clamp(Math.floor((share - 4) / 2), 1, MAX_DEPTH);
  // Rows the ladder cannot fill go to the quotes and the fills below it.
  const top = Math.min(share, 2 * depth + 4);
  const bottom = body - top;
  const bookWidth = wide ? clamp(Math.floor(width * 0.42), 50, 72) : Math.floor(width / 2);
  const rightWidth = width - bookWidth;
  const positionHeight = wide ? Math.min(12, Math.ceil(top / 2)) : Math.min(8, Math.ceil(top * 0.6));
  const quotesWidth = wide ? Math.floor(width * 0.55) : Math.floor(width / 2);
  return {
    height,
    width,
    wide,
    header,
    status,
    book: { width: bookWidth, height: top, depth },
    position: { width: rightWidth, height: positionHeight },
    risk: { width: rightWidth, height: top - positionHeight },
    quotes: { width: quotesWidth, height: bottom },
    activity: { width: width - quotesWidth, height: bottom },
    footer,
  };
}
