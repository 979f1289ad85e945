// `mm` with no command: the dashboard (the TUI lands with its own issue; until then it says what works).
import type { CommandModule } from "yargs";

export const dashboardCommand: CommandModule<object, { demo: boolean }> = {
  command: "$0",
  describe: "Open the dashboard (market picker and live quoting)",
  builder: (y) => y.option("demo", { type: "boolean", default: false, describe: "Use the embedded exchange, fully offline" }),
  handler: () => {
    process.stdout.write("mm: the dashboard is not built yet. Working now: `mm inspect FILE`, `mm --help`.\n");
  },
};
