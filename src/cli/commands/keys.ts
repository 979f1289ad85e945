// `mm keys`: derives (or creates) the wallet's CLOB API credentials with an L1 signature and prints them once, as .env lines to store.
import type { CommandModule } from "yargs";
import { withLiveSetupOptions, type LiveSetupArgs } from "../doctor/endpoints.js";

export const keysCommand: CommandModule<object, LiveSetupArgs> = {
  command: "keys",
  describe: "Derive your CLOB API credentials from PRIVATE_KEY and print them once, to store in .env",
  builder: (y) => withLiveSetupOptions(y),
  // The official client and ethers load only when the keys are derived.
  handler: async (args) => (await import("../doctor/keys-handler.js")).handleKeys(args),
};
