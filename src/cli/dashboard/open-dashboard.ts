// What `mm` with no command does: checks the terminal, confirms live trading, then runs the TUI on its screen thread (React and Ink load only there).
import chalk from "chalk";
import { systemClock } from "../../adapters/clock/system-clock.js";
import { confirmLive } from "../../adapters/gateway/live/confirm-live.js";
import { GammaCatalog } from "../../adapters/polymarket/gamma-catalog.js";
import { claimDataDir } from "../../engine/control/control-files.js";
import type { DashboardArgs } from "../commands/dashboard.js";
import { loadSettings } from "../config.js";
import { resolveExchange } from "../endpoint-options.js";
import { UserError } from "../errors.js";
import { startScreenThread } from "../../ui/remote/screen-thread.js";
import { CliHost } from "./cli-host.js";
import { restoreTerminal, superviseUi } from "./supervise-ui.js";

export async function openDashboard(args: DashboardArgs): Promise<void> {
  if (args.live && !args.market) throw new UserError("--live needs --market SLUG: before trading real money you confirm by typing that market's short name.", 2);
  if (!process.stdin.isTTY || !process.stdout.isTTY) throw new UserError("mm needs an interactive terminal for the dashboard; for scripts use `mm run --headless`.", 2);
  if (process.env.NO_COLOR) chalk.level = 0;
  const settings = loadSettings({ configFile: args.config, sets: args.set });
  try {
    process.on("exit", claimDataDir(args.dataDir));
  } catch (err) {
    throw new UserError((err as Error).message, 2);
  }
  const demo = { seed: args.seed, rate: args.demoRate };
  const venue = await resolveExchange(args, demo);
  const clock = systemClock();
  let liveSlug: string | undefined;
  if (args.live) {
    const market = await new GammaCatalog(venue.endpoints.gamma).resolve(args.market!);
    const ok = await confirmLive(market, { clob: venue.endpoints.clob, maxNotionalUsd: settings.live.maxNotionalUsd, input: process.stdin, output: process.stdout });
    if (!ok) {
      await venue.close();
      throw new UserError("Not confirmed: nothing was traded.", 1);
    }
    liveSlug = market.slug;
  }
  const host = new CliHost(venue, { dataDir: args.dataDir, live: args.live, liveSlug, demo }, settings, clock);
  // React's development build costs several times more per frame: the screen thread (which alone loads React and Ink) inherits this.
  process.env.NODE_ENV ??= "production";
  const app = startScreenThread({ host, clock, marketRef: args.market ?? null, terminal: { stdout: process.stdout, stdin: process.stdin }, colorLevel: chalk.level });
  await superviseUi(app, host, restoreTerminal);
  restoreTerminal();
  process.exit(0);
}
