// CPU steal over a window: the share of this machine's CPU time its hypervisor gave to other guests (Linux /proc/stat), so a
// loopback figure taken while the VM was being starved can be told from one that measures `mm`.
import { readFileSync } from "node:fs";

export interface CpuTimes {
  steal: number;
  total: number;
}

/** The steal and total ticks of the aggregate "cpu" line of /proc/stat, or null when the text has none. */
export function parseCpuTimes(procStat: string): CpuTimes | null {
  const line = procStat.split("\n").find((l) => l.startsWith("cpu "));
  if (!line) return null;
  // user nice system idle iowait irq softirq steal [guest guest_nice]: guest time is already counted in user and nice.
  const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
  if (ticks.length < 8 || ticks.some((t) => !Number.isFinite(t))) return null;
  return { steal: ticks[7], total: ticks.reduce((a, b) => a + b, 0) };
}

/** Steal between two readings, percent to 0.1; null without both readings or without elapsed ticks. */
export function stealPct(before: CpuTimes | null, after: CpuTimes | null): number | null {
  if (!before || !after || after.total <= before.total) return null;
  return Math.round(((after.steal - before.steal) / (after.total - before.total)) * 1000) / 10;
}

function readCpuTimes(): CpuTimes | null {
  try {
    return parseCpuTimes(readFileSync("/proc/stat", "utf8"));
  } catch {
    return null; // not Linux: the figure is reported as null
  }
}

/** Starts a window; `stop()` gives the steal over it (null where /proc/stat is not available). */
export function startStealMeter(read: () => CpuTimes | null = readCpuTimes): { stop(): number | null } {
  const before = read();
  return { stop: () => stealPct(before, read()) };
}
