// `mm sim`: runs the embedded exchange on loopback, prints its URLs as one JSON line, and serves until SIGINT/SIGTERM.
import type { CommandModule } from "yargs";
import { EXCHANGE_DEFAULTS, startExchange } from "../../sim/exchange.js";
import { UserError } from "../errors.js";

interface SimArgs {
  host: string;
  port: number;
  seed: number;
  markets: number;
  rate: number;
  replay?: string;
  speed: number;
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new UserError(message, 2);
}

export const simCommand: CommandModule<object, SimArgs> = {
  command: "sim",
  describe: "Run the embedded exchange (Gamma, CLOB REST, market and user WebSockets) on loopback",
  builder: (y) =>
    y
      .option("host", { type: "string", default: EXCHANGE_DEFAULTS.host, describe: "Address to listen on" })
      .option("port", { type: "number", default: EXCHANGE_DEFAULTS.port, describe: "Port (0 picks a free one)" })
      .option("seed", { type: "number", default: EXCHANGE_DEFAULTS.seed, describe: "Seed: the same seed gives the same markets and flow" })
      .option("markets", { type: "number", default: EXCHANGE_DEFAULTS.markets, describe: "Number of demo markets" })
      .option("rate", { type: "number", default: EXCHANGE_DEFAULTS.rate, describe: "Market messages per second, all markets together" })
      .option("replay", { type: "string", describe: "Serve this recording over the market WebSocket instead of synthetic flow" })
      .option("speed", { type: "number", default: EXCHANGE_DEFAULTS.speed, describe: "Replay speed: 1 real time, 0 as fast as possible" }),
  handler: async (args) => {
    check(Number.isInteger(args.port) && args.port >= 0 && args.port <= 65535, `--port ${args.port}: use an integer 0..65535 (0 picks a free port)`);
    check(Number.isInteger(args.seed), `--seed ${args.seed}: use an integer`);
    check(Number.isInteger(args.markets) && args.markets >= 1 && args.markets <= 1000, `--markets ${args.markets}: use an integer 1..1000`);
    check(Number.isFinite(args.rate) && args.rate >= 0 && args.rate <= 1_000_000, `--rate ${args.rate}: use a number of messages per second, 0..1000000`);
    check(Number.isFinite(args.speed) && args.speed >= 0, `--speed ${args.speed}: use 0 (as fast as possible) or a positive factor (1 = real time)`);
    let exchange;
    try {
      exchange = await startExchange({ host: args.host, port: args.port, seed: args.seed, markets: args.markets, rate: args.rate, replay: args.replay, speed: args.speed });
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      if (e.code === "EADDRINUSE") throw new UserError(`port ${args.port} on ${args.host} is in use; pick another --port or 0 for a free one`);
      if (e.code === "EADDRNOTAVAIL") throw new UserError(`cannot listen on ${args.host}: not an address of this machine; use --host 127.0.0.1`);
      throw new UserError(e.message);
    }
    process.stdout.write(JSON.stringify(exchange.urls) + "\n");
    const running = exchange;
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        void running.close().then(resolve);
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });
  },
};
