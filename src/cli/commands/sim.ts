// `mm sim`: runs the embedded exchange on loopback, prints its URLs as one JSON line, and serves until SIGINT/SIGTERM.
import type { CommandModule } from "yargs";

export interface SimArgs {
  host: string;
  port: number;
  seed: number;
  markets: number;
  rate: number;
  replay?: string;
  speed: number;
}

/**
 * The flags' defaults: EXCHANGE_DEFAULTS of src/sim/exchange.ts, written out because that module loads the whole
 * exchange (and ethers) and every `mm` invocation loads this one; tests/unit/cli/sim-flag-defaults.test.ts keeps them equal.
 */
export const SIM_FLAG_DEFAULTS = { host: "127.0.0.1", port: 0, seed: 1, markets: 8, rate: 20, speed: 1 } as const;

export const simCommand: CommandModule<object, SimArgs> = {
  command: "sim",
  describe: "Run the embedded exchange (Gamma, CLOB REST, market and user WebSockets) on loopback",
  builder: (y) =>
    y
      .option("host", { type: "string", default: SIM_FLAG_DEFAULTS.host, describe: "Address to listen on" })
      .option("port", { type: "number", default: SIM_FLAG_DEFAULTS.port, describe: "Port (0 picks a free one)" })
      .option("seed", { type: "number", default: SIM_FLAG_DEFAULTS.seed, describe: "Seed: the same seed gives the same markets and flow" })
      .option("markets", { type: "number", default: SIM_FLAG_DEFAULTS.markets, describe: "Number of demo markets" })
      .option("rate", { type: "number", default: SIM_FLAG_DEFAULTS.rate, describe: "Market messages per second, all markets together" })
      .option("replay", { type: "string", describe: "Serve this recording over the market WebSocket instead of synthetic flow" })
      .option("speed", { type: "number", default: SIM_FLAG_DEFAULTS.speed, describe: "Replay speed: 1 real time, 0 as fast as possible" }),
  handler: async (args) => (await import("../sim/sim-handler.js")).handleSim(args),
};
