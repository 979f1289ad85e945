// `mm backtest --sweep key=a,b,c`: the settings grid, run in parallel worker threads, one row per combination by total P&L.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { loadSettings } from "../cli/config.js";
import { UserError } from "../cli/errors.js";
import { formatCents, parseSignedUsd } from "../domain/units.js";
import type { MarketDefaults } from "./recording-markets.js";
import type { BacktestReport } from "./report.js";
import type { SweepJob } from "./sweep-worker.js";

export interface SweepAxis {
  key: string;
  values: string[];
}

export interface SweepRow {
  params: Record<string, string>;
  report: BacktestReport;
}

/** `key=a,b,c` flags into axes; a key given twice or without values is an error. */
export function parseSweeps(flags: readonly string[]): SweepAxis[] {
  const axes: SweepAxis[] = [];
  for (const flag of flags) {
    const eq = flag.indexOf("=");
    const key = eq > 0 ? flag.slice(0, eq) : "";
    const values = eq > 0 ? flag.slice(eq + 1).split(",").map((v) => v.trim()) : [];
    if (key === "" || values.length === 0 || values.some((v) => v === "")) throw new UserError(`--sweep ${flag}: expected key=a,b,c, e.g. --sweep strategy.halfSpreadTicks=1,2,3`, 2);
    if (axes.some((a) => a.key === key)) throw new UserError(`--sweep ${key} is given twice; list all its values in one flag: --sweep ${key}=a,b,c`, 2);
    axes.push({ key, values });
  }
  return axes;
}

/** Every combination of the axes, first axis slowest. */
export function gridOf(axes: readonly SweepAxis[]): Record<string, string>[] {
  let combos: Record<string, string>[] = [{}];
  for (const axis of axes) combos = combos.flatMap((c) => axis.values.map((v) => ({ ...c, [axis.key]: v })));
  return combos;
}

function totalOf(r: BacktestReport): number {
  const value = parseSignedUsd(r.pnl.total);
  if (value === null) throw new Error(`backtest report has an unreadable total P&L ${JSON.stringify(r.pnl.total)}`);
  return value;
}

/** Best total P&L first; ties keep grid order (the sort is stable). */
export function sortRows(rows: SweepRow[]): SweepRow[] {
  return [...rows].sort((a, b) => totalOf(b.report) - totalOf(a.report));
}

export function progressBar(done: number, total: number, width = 30): string {
  const filled = total > 0 ? Math.round((done / total) * width) : width;
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`;
}

const usd = (text: string): string => "$" + formatCents(parseSignedUsd(text) ?? 0);

export function formatRows(rows: readonly SweepRow[], keys: readonly string[]): string {
  const header = [...keys, "total", "realized", "unrealized", "fees", "fills", "fill ratio", "max dd", "rewards"];
  const body = rows.map((r) => [
    ...keys.map((k) => r.params[k]),
    usd(r.report.pnl.total),
    usd(r.report.pnl.realized),
    usd(r.report.pnl.unrealized),
    usd(r.report.pnl.fees),
    String(r.report.fills),
    r.report.fill_ratio === null ? "-" : (r.report.fill_ratio * 100).toFixed(1) + "%",
    usd(r.report.max_drawdown),
    usd(r.report.reward_estimate),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < keys.length ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(header), ...body.map(line)].join("\n") + "\n";
}

export interface SweepOptions {
  file: string;
  base: { configFile?: string; sets: string[] };
  grid: SweepAxis[];
  defaults: MarketDefaults;
  json: boolean;
  workers?: number;
}

export async function runSweep(o: SweepOptions): Promise<void> {
  const combos = gridOf(o.grid);
  const jobs: SweepJob[] = combos.map((params, index) => ({
    index,
    file: o.file,
    configFile: o.base.configFile,
    sets: [...o.base.sets, ...Object.entries(params).map(([k, v]) => `${k}=${v}`)],
    defaults: o.defaults,
  }));
  // Bad keys or values stop the sweep before any thread starts.
  for (const job of jobs) loadSettings({ configFile: job.configFile, sets: job.sets });
  const n = Math.max(1, Math.min(jobs.length, o.workers ?? availableParallelism()));
  if (!Number.isInteger(n)) throw new UserError(`--workers ${o.workers}: use a positive integer`, 2);
  const reports: (BacktestReport | null)[] = jobs.map(() => null);
  let done = 0;
  let next = 0;
  const tty = process.stderr.isTTY === true;
  const show = (): void => {
    process.stderr.write(tty ? `\r${progressBar(done, jobs.length)}` : `${progressBar(done, jobs.length)}\n`);
  };
  show();
  await Promise.all(
    Array.from({ length: n }, () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(new URL("./sweep-worker.js", import.meta.url));
        const feed = (): void => {
          if (next >= jobs.length) {
            void worker.terminate().then(() => resolve());
            return;
          }
          worker.postMessage(jobs[next++]);
        };
        worker.on("message", (msg: { index: number; report?: BacktestReport; error?: string }) => {
          if (msg.error !== undefined) {
            void worker.terminate();
            reject(new UserError(`sweep ${JSON.stringify(combos[msg.index])}: ${msg.error}`));
            return;
          }
          reports[msg.index] = msg.report ?? null;
          done++;
          show();
          feed();
        });
        worker.on("error", reject);
        feed();
      }),
    ),
  );
  if (tty) process.stderr.write("\n");
  const rows = sortRows(combos.map((params, i) => ({ params, report: reports[i] as BacktestReport })));
  process.stdout.write(o.json ? JSON.stringify(rows) + "\n" : formatRows(rows, o.grid.map((a) => a.key)));
}
