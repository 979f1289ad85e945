// Measures market messages per second the sim delivers to one WebSocket client: the exchange runs in a worker thread, the client here.
// Usage: node dist/sim/measure-throughput.js [--rate 20000] [--seconds 10] [--markets 8]
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import WebSocket from "ws";
import { startExchange } from "./exchange.js";

interface Args {
  rate: number;
  seconds: number;
  markets: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { rate: 20_000, seconds: 10, markets: 8 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, "") as keyof Args;
    const value = Number(argv[i + 1]);
    if (!(key in args) || !Number.isFinite(value) || value <= 0) throw new Error(`bad argument ${argv[i]} ${argv[i + 1]}: use --rate N --seconds N --markets N`);
    args[key] = value;
  }
  return args;
}

async function serve(args: Args): Promise<void> {
  const ex = await startExchange({ rate: args.rate, markets: args.markets, seed: 1 });
  const tokens = ex.markets().flatMap((m) => [m.meta.yesTokenId, m.meta.noTokenId]);
  parentPort!.postMessage({ ws: ex.urls.ws, tokens });
  parentPort!.on("message", () => void ex.close().then(() => parentPort!.postMessage({ frames: ex.stats().frames })));
}

async function measure(args: Args): Promise<void> {
  const worker = new Worker(new URL(import.meta.url), { workerData: args });
  const { ws: base, tokens } = await new Promise<{ ws: string; tokens: string[] }>((resolve) => worker.once("message", resolve));
  const ws = new WebSocket(`${base}/market`, { perMessageDeflate: false });
  await new Promise((resolve) => ws.once("open", resolve));
  let frames = 0;
  let bytes = 0;
  ws.on("message", (data: Buffer) => {
    frames++;
    bytes += data.length;
  });
  ws.send(JSON.stringify({ type: "market", assets_ids: tokens }));
  await new Promise((r) => setTimeout(r, 1000));
  const f0 = frames;
  const b0 = bytes;
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, args.seconds * 1000));
  const elapsed = (performance.now() - t0) / 1000;
  const result = {
    rate: args.rate,
    seconds: Math.round(elapsed * 100) / 100,
    frames: frames - f0,
    msgsPerSec: Math.round((frames - f0) / elapsed),
    kBytesPerSec: Math.round((bytes - b0) / elapsed / 1024),
  };
  ws.terminate();
  worker.postMessage("stop");
  await new Promise((resolve) => worker.once("message", resolve));
  await worker.terminate();
  process.stdout.write(JSON.stringify(result) + "\n");
}

if (isMainThread) await measure(parseArgs(process.argv.slice(2)));
else await serve(workerData as Args);
