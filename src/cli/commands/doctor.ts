// `mm doctor`: checks .env, settings, wallet, signature type and funder, endpoints, API credentials, balance and allowance; one line per check with its fix.
import type { CommandModule } from "yargs";
import { withLiveSetupOptions, type LiveSetupArgs } from "../doctor/endpoints.js";

export type DoctorArgs = LiveSetupArgs & { json: boolean; "timeout-ms": number };

export const doctorCommand: CommandModule<object, DoctorArgs> = {
  command: "doctor",
  describe: "Check your live-trading setup (.env, wallet, endpoints, API keys, balance, allowance) and say how to fix what is wrong",
  builder: (y) =>
    withLiveSetupOptions(y)
      .option("json", { type: "boolean", default: false, describe: "Print the checks as one JSON array" })
      .option("timeout-ms", { type: "number", default: 5000, describe: "Timeout of each network check" }),
  // The official client and ethers load only when the checks run.
  handler: async (args) => (await import("../doctor/doctor-handler.js")).handleDoctor(args),
};
