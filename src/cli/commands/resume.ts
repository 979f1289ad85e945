// `mm resume [--force] [--data-dir DIR]`: clears the kill-switch latch (refused while a loss limit is breached, unless --force).
import type { CommandModule } from "yargs";
import { dataDirOption } from "../common-options.js";

export interface ResumeArgs {
  dataDir: string;
  force: boolean;
}

export const resumeCommand: CommandModule<object, ResumeArgs> = {
  command: "resume",
  describe: "Clear the kill switch of the mm on --data-dir (refused while a loss limit is still breached, unless --force)",
  builder: (y) =>
    y
      .option("data-dir", dataDirOption("The data dir of the mm to resume"))
      .option("force", { type: "boolean", default: false, describe: "Reset even though a loss limit is still breached (accepts the loss so far)" }) as never,
  handler: async (args) => (await import("../control/resume-handler.js")).handleResume(args),
};
