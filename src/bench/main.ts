// `npm run bench [-- --json] [-- --long]`: baseline, book, pipeline, loopback (and with --long, memory); --json ends with one JSON object.
import { cpus, loadavg } from "node:os";
import { loadSettings } from "../cli/config.js";
import { bookBench } from "./book-bench.js";
import { DELAY_RATE, runLoopbackSection } from "./loopback.js";
import { runMemory } from "./memory.js";
import { loopbackFigures, memoryFigures, targetLines, throughputFigures, type Figures } from "./report.js";
import { captureFrames, runCaptures, runThroughput } from "./throughput.js";
import { loadTraffic } from "./traffic-cache.js";

interface BenchArgs {
  json: boolean;
  long: boolean;
  micro: boolean;
  loopback: boolean;
  frames: number;
  rounds: number;
  windowMs: number;
}

const USAGE = "usage: npm run bench -- [--json] [--long] [--micro] [--no-loopback] [--quick] [--frames N] [--rounds N]";

function parseArgs(argv: string[]): BenchArgs {
  const a: BenchArgs = { json: false, long: false, micro: false, loopback: true, frames: 1_000_000, rounds: 3, windowMs: 10_000 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const num = (): number => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 1) throw new Error(`${flag} needs a whole number >= 1, got ${argv[i] ?? "nothing"}\n${USAGE}`);
      return v;
    };
    if (flag === "--json") a.json = true;
    else if (flag === "--long") a.long = true;
    else if (flag === "--micro") a.micro = true;
    else if (flag === "--no-loopback") a.loopback = false;
    else if (flag === "--quick") Object.assign(a, { frames: 100_000, rounds: 2, windowMs: 4_000 });
    else if (flag === "--frames") a.frames = num();
    else if (flag === "--rounds") a.rounds = num();
    else throw new Error(`unknown option ${flag}\n${USAGE}`);
  }
  return a;
}

const log = (line: string): void => {
  process.stdout.write(line + "\n");
};

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const settings = loadSettings();
  const started = performance.now();
  const out: Record<string, Figures> = {};
  log(`mm bench on node ${process.version}, ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(" ")} (a shared machine: figures vary run to run)`);

  // Memory and loopback first: they measure this process's RSS and pauses, which the 1,000,000 frames held below would swamp.
  if (args.long) {
    log("== Memory: 10 minutes at 1,000 msgs/s over 50 markets");
    out.memory = memoryFigures(await runMemory({ minutes: 10, rate: 1_000, markets: 50, seed: 2, settings, log }));
  }
  if (args.loopback) {
    log(`== Loopback: embedded exchange (own process) -> WebSocket on 127.0.0.1 -> engine, ${args.windowMs / 1000} s windows`);
    log("  (loop delay: how late the loop runs a timer due every 10 ms; CPU steal: the machine's CPU its hypervisor gave to other guests meanwhile)");
    const runs = await runLoopbackSection({ rates: [1_000, DELAY_RATE], maxRate: 50_000, markets: 24, warmupMs: 3_000, windowMs: args.windowMs, seed: 1, repeats: 3, settings, log });
    out.loopback = loopbackFigures(runs);
    log(`  dashboard / headless at the maximum rate, median of the back-to-back pairs: ${out.loopback.dashboardToHeadless}`);
  }
  log(`== Traffic: ${args.frames.toLocaleString("en-US")} generated frames`);
  const loaded = loadTraffic({ frames: args.frames });
  const t = loaded.traffic;
  log(`  ${loaded.cached ? "read from" : "generated and cached in"} ${loaded.path}`);
  log(`  ${t.markets.length} markets (${t.markets.length * 2} tokens, ticks 0.01 and 0.001), ${t.entries.toLocaleString("en-US")} price_change entries; frames by kind ${JSON.stringify(t.counts)}`);

  log(`== Baseline, book, pipeline: interleaved in chunks of 10,000 frames, fastest of ${args.rounds} rounds per chunk`);
  const r = await runThroughput(t, { rounds: args.rounds, chunk: 10_000, settings, log });
  const caps = await runCaptures(captureFrames(), 20_000, 5);
  const f = throughputFigures(r, caps);
  Object.assign(out, f);
  log(`  baseline  (JSON.parse)                 ${f.baseline.msgsPerSec} msgs/s (${f.baseline.nsPerMsg} ns/msg); per frame p50 ${f.baseline.p50Us} us, p99 ${f.baseline.p99Us} us`);
  log(`  book      (parse, validate, books)     ${f.book.msgsPerSec} msgs/s, ${f.book.ratioToBaseline} x baseline; ${f.book.topMismatches} top mismatches, ${f.book.rejections} rejections`);
  log(`  pipeline  (feed, quote, risk, gateway) ${f.pipeline.msgsPerSec} msgs/s, ${f.pipeline.ratioToBaseline} x baseline; per frame p50 ${f.pipeline.p50Us} us, p99 ${f.pipeline.p99Us} us, p99.9 ${f.pipeline.p999Us} us`);
  const c = f.pipeline;
  const tm = c.timers as { count: number; p50Us: number; p99Us: number };
  log(`            timer callbacks (requotes, watch, acks): ${tm.count}, p50 ${tm.p50Us} us, p99 ${tm.p99Us} us`);
  log(`            engine: ${c.ordersPlaced} orders placed, ${c.ordersCancelled} cancelled, ${c.fills} fills, risk ${c.finalRisk}, ${c.desyncs} desyncs, quotable ${c.quotableShare}`);
  if (caps) {
    const bc = f.book.captures as { msgsPerSec: number; ratioToBaseline: number };
    log(`  real captures (${caps.frames} frames, repeated to ${caps.repeated}): baseline ${(f.baseline.captures as { msgsPerSec: number }).msgsPerSec} msgs/s, book ${bc.msgsPerSec} msgs/s (${bc.ratioToBaseline} x)`);
  } else log("  real captures: not found beside the repo (../shared/fixtures/polymarket), skipped");

  if (args.micro) {
    log(`== ${bookBench.title}`);
    const micro = await bookBench.run();
    for (const line of micro.lines) log(line);
    out.micro = micro.figures;
  }
  log("== Targets");
  for (const line of targetLines({ baseline: out.baseline, book: out.book, pipeline: out.pipeline, loopback: out.loopback, memory: out.memory })) log(line);
  log(`(${Math.round((performance.now() - started) / 1000)} s)`);
  out.meta = { node: process.version, cores: cpus().length, loadAverage: loadavg().map((x) => Math.round(x * 10) / 10), frames: t.frames.length, rounds: args.rounds, seconds: Math.round((performance.now() - started) / 1000) };
  // The contract order first: baseline, book, pipeline, loopback; then memory (--long), micro (--micro), meta.
  const { baseline, book, pipeline, loopback, ...others } = out;
  if (args.json) log(JSON.stringify({ baseline, book, pipeline, loopback, ...others }));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
