// `mm kill [--data-dir DIR]`: halts the mm running on that data dir within a second, or latches HALTED for the next start.
import type { CommandModule } from "yargs";
import { dataDirOption } from "../common-options.js";

export interface KillArgs {
  dataDir: string;
  reason: string;
}

export const killCommand: CommandModule<object, KillArgs> = {
  command: "kill",
  describe: "Kill switch: halt the mm running on --data-dir (all orders cancelled); latched until `mm resume`",
  builder: (y) =>
    y
      .option("data-dir", dataDirOption("The data dir of the mm to halt"))
      .option("reason", { type: "string", default: "mm kill", describe: "Reason recorded with the halt" }) as never,
  handler: async (args) => (await import("../control/kill-handler.js")).handleKill(args),
};
