// `mm` with no command: the TUI (market picker and live dashboard) over Polymarket or, with --demo, the embedded exchange.
import type { Argv, CommandModule } from "yargs";
import { dataDirOption, settingsOptions, type SettingsArgs } from "../common-options.js";
import { withEndpointOptions, type EndpointArgs } from "../endpoint-options.js";

export { superviseUi } from "../dashboard/supervise-ui.js";

export interface DashboardArgs extends EndpointArgs, SettingsArgs {
  market?: string;
  dataDir: string;
  live: boolean;
  demoRate: number;
  seed: number;
}

export const dashboardCommand: CommandModule<object, DashboardArgs> = {
  command: "$0",
  describe: "Open the dashboard (market picker and live quoting)",
  builder: (y) =>
    withEndpointOptions(y)
      .option("market", { type: "string", describe: "Skip the picker: a market slug, condition id or token id" })
      .option("data-dir", dataDirOption())
      .option("live", { type: "boolean", default: false, describe: "Trade real money through the official client (needs --market; you confirm by typing its short name)" })
      .option("demo-rate", { type: "number", default: 100, alias: "rate", describe: "With --demo: market messages per second of the embedded exchange" })
      .option("seed", { type: "number", default: 1, describe: "With --demo: the exchange's seed" })
      .options(settingsOptions({ setExample: "strategy.halfSpreadTicks=3" })) as unknown as Argv<DashboardArgs>,
  // The session wiring, Ink and React load only when the dashboard opens.
  handler: async (args) => (await import("../dashboard/open-dashboard.js")).openDashboard(args),
};
