// What `mm record` does: follows the markets' feed through a transport that writes every frame to --out, showing progress, until a signal or --duration.
import { systemClock } from "../../adapters/clock/system-clock.js";
import { GammaCatalog } from "../../adapters/polymarket/gamma-catalog.js";
import { wsTransport } from "../../adapters/polymarket/ws-transport.js";
import { RecordingWriter, recordingTransport, type RecordingProgress } from "../../adapters/recording/write-recording.js";
import type { RecordArgs } from "../commands/record.js";
import { loadSettings } from "../config.js";
import { resolveExchange } from "../endpoint-options.js";
import { UserError } from "../errors.js";
import { stderrLogger } from "../loggers.js";
import { createMarketFeed, tokenMetas } from "../market-data-factory.js";
import { resolveMarkets } from "../session/resolve-markets.js";
import { untilSignal } from "../until-signal.js";

/** "1234 frames, 56.7 KB, 12 s" */
export function progressText(p: RecordingProgress, elapsedMs: number): string {
  const kb = p.bytes / 1024;
  const size = kb >= 1024 ? `${(kb / 1024).toFixed(1)} MB` : `${kb.toFixed(1)} KB`;
  return `${p.frames} frames, ${size}, ${Math.floor(elapsedMs / 1000)} s`;
}

export async function handleRecord(args: RecordArgs): Promise<void> {
  if (args.duration !== undefined && !(Number.isFinite(args.duration) && args.duration > 0)) throw new UserError(`--duration ${args.duration}: use a positive number of seconds`, 2);
  if (!(Number.isFinite(args.demoRate) && args.demoRate >= 0)) throw new UserError(`--demo-rate ${args.demoRate}: use a number of messages per second`, 2);
  const settings = loadSettings({ configFile: args.config, sets: args.set });
  const exchange = await resolveExchange(args, { rate: args.demoRate });
  try {
    const markets = await resolveMarkets(new GammaCatalog(exchange.endpoints.gamma), args.market);
    const clock = systemClock();
    const started = clock.now();
    let writer: RecordingWriter;
    try {
      writer = new RecordingWriter(args.out, markets, started);
    } catch (err) {
      throw new UserError(`cannot write ${args.out}: ${(err as Error).message}; pass a writable path with --out`, 2);
    }
    const feed = createMarketFeed(exchange.endpoints, settings.feed, {
      clock,
      transport: recordingTransport(wsTransport, writer, clock),
      logger: args.verbose ? stderrLogger : undefined,
    });
    feed.addTokens(markets.flatMap(tokenMetas));
    feed.start();
    const tty = process.stderr.isTTY === true;
    const show = (final: boolean): void => {
      const text = `mm: recording ${args.out}: ${progressText(writer.progress, clock.now() - started)}`;
      process.stderr.write(tty ? `\r${text}${final ? "\n" : ""}` : `${text}\n`);
    };
    const ticker = setInterval(() => show(false), 1000);
    let timer: NodeJS.Timeout | null = null;
    const stopped = await Promise.race([
      untilSignal(),
      ...(args.duration === undefined ? [] : [new Promise<string>((resolve) => (timer = setTimeout(() => resolve("duration"), args.duration! * 1000)))]),
    ]);
    clearInterval(ticker);
    if (timer) clearTimeout(timer);
    await feed.stop();
    writer.end(clock.now());
    show(true);
    process.stderr.write(`mm: stopped (${stopped})\n`);
  } finally {
    await exchange.close();
  }
  process.exit(0);
}
