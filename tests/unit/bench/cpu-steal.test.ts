// CPU steal from /proc/stat: the aggregate line's ticks, and the share stolen between two readings.
import { describe, expect, it } from "vitest";
import { parseCpuTimes, startStealMeter, stealPct } from "../../../src/bench/cpu-steal.js";

const procStat = (user: number, idle: number, steal: number): string =>
  `cpu  ${user} 0 100 ${idle} 5 0 3 ${steal} 40 0\ncpu0 1 2 3 4 5 6 7 8 0 0\nintr 1 2 3\n`;

describe("parseCpuTimes", () => {
  it("reads steal and the total of the first eight fields of the aggregate cpu line (guest time is inside user)", () => {
    expect(parseCpuTimes(procStat(1000, 5000, 200))).toEqual({ steal: 200, total: 1000 + 100 + 5000 + 5 + 3 + 200 });
  });

  it("gives null for text without a whole cpu line", () => {
    expect(parseCpuTimes("intr 1 2 3\n")).toBeNull();
    expect(parseCpuTimes("cpu  1 2 3\n")).toBeNull();
    expect(parseCpuTimes("cpu  1 2 3 4 5 6 x 8\n")).toBeNull();
  });
});

describe("stealPct", () => {
  it("is the stolen share of the ticks elapsed between two readings", () => {
    expect(stealPct({ steal: 100, total: 1000 }, { steal: 350, total: 2000 })).toBe(25);
    expect(stealPct({ steal: 0, total: 0 }, { steal: 1, total: 3 })).toBe(33.3);
  });

  it("is null without two readings or without elapsed ticks", () => {
    expect(stealPct(null, { steal: 1, total: 2 })).toBeNull();
    expect(stealPct({ steal: 1, total: 2 }, null)).toBeNull();
    expect(stealPct({ steal: 1, total: 2 }, { steal: 1, total: 2 })).toBeNull();
  });
});

describe("startStealMeter", () => {
  it("measures from start to stop with the given reader", () => {
    const readings = [procStat(0, 900, 100), procStat(100, 1300, 600)];
    const meter = startStealMeter(() => parseCpuTimes(readings.shift() ?? ""));
    expect(meter.stop()).toBe(50);
  });
});
