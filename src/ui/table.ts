// Fixed-width text tables: columns that drop by priority when the terminal is narrow, one flexible column taking the rest.
import { clip, fit } from "./format.js";

export interface Column<T> {
  title: string;
  /** Fixed width in characters; 0 for the one flexible column that takes what is left. */
  width: number;
  align: "left" | "right";
  /** Lower numbers are dropped last when space is short (0: always shown). */
  priority: number;
  cell(row: T): string;
}

/** The columns that fit in `width` (one space between columns), dropping the highest priority numbers first. */
export function fitColumns<T>(columns: readonly Column<T>[], width: number, minFlex = 12): Column<T>[] {
  let kept = columns.slice();
  const need = (cols: readonly Column<T>[]) => cols.reduce((sum, c) => sum + (c.width === 0 ? minFlex : c.width), 0) + Math.max(0, cols.length - 1);
  while (need(kept) > width) {
    let drop = -1;
    for (let i = 0; i < kept.length; i++) if (kept[i].priority > 0 && (drop < 0 || kept[i].priority > kept[drop].priority)) drop = i;
    if (drop < 0) break;
    kept = kept.filter((_, i) => i !== drop);
  }
  return kept;
}

function widths<T>(columns: readonly Column<T>[], width: number): number[] {
  const fixed = columns.reduce((sum, c) => sum + c.width, 0) + Math.max(0, columns.length - 1);
  return columns.map((c) => (c.width === 0 ? Math.max(1, width - fixed) : c.width));
}

/** The header line of a table of exactly `width` characters. */
export function headerLine<T>(columns: readonly Column<T>[], width: number): string {
  const ws = widths(columns, width);
  return clip(columns.map((c, i) => fit(c.title, ws[i], c.align)).join(" ").trimEnd(), width);
}

/** One row of a table as a line of exactly `width` characters. */
export function rowLine<T>(columns: readonly Column<T>[], row: T, width: number): string {
  const ws = widths(columns, width);
  return clip(columns.map((c, i) => fit(c.cell(row), ws[i], c.align)).join(" ").trimEnd(), width);
}
