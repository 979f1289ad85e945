// Section 5, `memory` (`--long`): RSS and heap of the engine process once a minute for 10 minutes at 1,000 msgs/s over 50 markets.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { GammaCatalog } from "../adapters/polymarket/gamma-catalog.js";
import type { Settings } from "../domain/settings/schema.js";
import { startExchangeChild } from "./exchange-child.js";
import { openLoopbackSession } from "./loopback-session.js";

export interface MemoryOptions {
  minutes: number;
  rate: number;
  markets: number;
  seed: number;
  settings: Settings;
  log: (line: string) => void;
}

export interface MemorySample {
  minute: number;
  rssMb: number;
  heapUsedMb: number;
  msgsPerSec: number;
}

export interface MemoryResult {
  samples: MemorySample[];
  /** RSS and heap growth from minute 2 (after warm-up) to the last minute, percent. */
  rssGrowthPct: number;
  heapGrowthPct: number;
}

const mb = (bytes: number): number => Math.round(bytes / 1e5) / 10;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A full collection before each sample, so the heap figure is what is live, not what the collector has yet to free. */
function collector(): () => void {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  return () => gc();
}

export async function runMemory(o: MemoryOptions): Promise<MemoryResult> {
  const gc = collector();
  const exchange = await startExchangeChild({ rate: o.rate, markets: o.markets, seed: o.seed });
  try {
    const markets = await new GammaCatalog(exchange.urls.gamma).list({ limit: o.markets });
    const session = await openLoopbackSession(exchange.urls, markets, o.settings);
    const samples: MemorySample[] = [];
    try {
      for (let minute = 1; minute <= o.minutes; minute++) {
        session.resetWindow();
        const start = performance.now();
        await sleep(60_000);
        const msgsPerSec = Math.round(session.frames() / ((performance.now() - start) / 1000));
        gc();
        const mem = process.memoryUsage();
        const sample = { minute, rssMb: mb(mem.rss), heapUsedMb: mb(mem.heapUsed), msgsPerSec };
        samples.push(sample);
        o.log(`  minute ${minute}: RSS ${sample.rssMb} MB, heap ${sample.heapUsedMb} MB, ${msgsPerSec} msgs/s`);
      }
    } finally {
      await session.close();
    }
    const from = samples.find((s) => s.minute === 2) ?? samples[0];
    const to = samples[samples.length - 1];
    const pct = (a: number, b: number): number => Math.round(((b - a) / a) * 1000) / 10;
    return { samples, rssGrowthPct: pct(from.rssMb, to.rssMb), heapGrowthPct: pct(from.heapUsedMb, to.heapUsedMb) };
  } finally {
    await exchange.stop();
  }
}
