// `mm record --market X --out FILE`: follows the markets' feed as the engine does and appends every frame sent and received to FILE.
import type { CommandModule } from "yargs";
import { systemClock } from "../../adapters/clock/system-clock.js";
import { ClobRest } from "../../adapters/polymarket/clob-rest.js";
import { marketChannelUrl } from "../../adapters/polymarket/endpoints.js";
import { GammaCatalog } from "../../adapters/polymarket/gamma-catalog.js";
import { parseFrame } from "../../adapters/polymarket/parse/parse-frame.js";
import { wsTransport } from "../../adapters/polymarket/ws-transport.js";
import { RecordingWriter, recordingTransport, type RecordingProgress } from "../../adapters/recording/write-recording.js";
import { MarketFeed } from "../../engine/feed/market-feed.js";
import { loadSettings } from "../config.js";
import { resolveExchange, withEndpointOptions, type EndpointArgs } from "../endpoint-options.js";
import { UserError } from "../errors.js";
import { tokenMetas } from "../market-data-factory.js";
import { resolveMarkets, stderrLogger, untilSignal } from "./run.js";

interface RecordArgs extends EndpointArgs {
  market: string[];
  out: string;
  duration?: number;
  demoRate: number;
  config?: string;
  set?: string[];
  verbose: boolean;
}

/** "1234 frames, 56.7 KB, 12 s" */
export function progressText(p: RecordingProgress, elapsedMs: number): string {
  const kb = p.bytes / 1024;
  const size = kb >= 1024 ? `${(kb / 1024).toFixed(1)} MB` : `${kb.toFixed(1)} KB`;
  return `${p.frames} frames, ${size}, ${Math.floor(elapsedMs / 1000)} s`;
}

export const recordCommand: CommandModule<object, RecordArgs> = {
  command: "record",
  describe: "Record the markets' WebSocket session (every frame, with the markets' metadata) for mm inspect, mm backtest and mm sim --replay",
  builder: (y) =>
    withEndpointOptions(y)
      .option("market", { type: "string", array: true, demandOption: true, describe: "Market slug, condition id or token id (repeatable)" })
      .option("out", { type: "string", demandOption: true, describe: "Recording file to write (JSON Lines; replaced if it exists)" })
      .option("duration", { type: "number", describe: "Stop after this many seconds (default: until Ctrl-C)" })
      .option("demo-rate", { type: "number", default: 100, describe: "Market messages per second of the embedded exchange (--demo)" })
      .option("config", { type: "string", describe: "Settings file merged over config/default.json (the feed section applies)" })
      .option("set", { type: "string", array: true, describe: "Override one setting: key=value (e.g. feed.pingMs=5000)" })
      .option("verbose", { type: "boolean", default: false, describe: "Log feed diagnostics to stderr" })
      .example("$0 record --demo --market 1 --out session.jsonl --duration 30", "30 s of the embedded exchange") as never,
  handler: async (args) => {
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
      const feed = new MarketFeed({
        url: marketChannelUrl(exchange.endpoints),
        settings: settings.feed,
        clock,
        transport: recordingTransport(wsTransport, writer, clock),
        rest: new ClobRest(exchange.endpoints.clob),
        parse: parseFrame,
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
  },
};
