// `mm doctor`: checks .env, settings, wallet, signature type and funder, endpoints, API credentials, balance and allowance; one line per check with its fix.
import type { CommandModule } from "yargs";
import { loadEnv } from "../../adapters/secrets/credentials.js";
import { createClobClient } from "../../adapters/gateway/live/clob-client.js";
import { loadSettings } from "../config.js";
import { UserError } from "../errors.js";
import { withEnvFileOption, exchangeFor, type EnvFileArgs } from "../doctor/endpoints.js";
import { withEndpointOptions, type EndpointArgs } from "../endpoint-options.js";
import { formatLine, runChecks } from "../doctor/checks.js";
import { probeHttp, probeWs } from "../doctor/probes.js";

type DoctorArgs = EndpointArgs & EnvFileArgs & { config?: string; set?: string[]; json: boolean; "timeout-ms": number };

export const doctorCommand: CommandModule<object, DoctorArgs> = {
  command: "doctor",
  describe: "Check your live-trading setup (.env, wallet, endpoints, API keys, balance, allowance) and say how to fix what is wrong",
  builder: (y) =>
    withEnvFileOption(withEndpointOptions(y))
      .option("config", { type: "string", describe: "Settings file (JSON) merged over the defaults" })
      .option("set", { type: "string", array: true, describe: "Override a setting: key.path=value" })
      .option("json", { type: "boolean", default: false, describe: "Print the checks as one JSON array" })
      .option("timeout-ms", { type: "number", default: 5000, describe: "Timeout of each network check" }),
  handler: async (args) => {
    let env;
    try {
      env = loadEnv({ envFile: args["env-file"] });
    } catch (err) {
      throw new UserError((err as Error).message, 2);
    }
    const exchange = await exchangeFor(args, env.values);
    let lines;
    try {
      lines = await runChecks(
        {
          env: env.values,
          envFile: env.file,
          loadSettings: () => loadSettings({ configFile: args.config, sets: args.set }),
          urls: exchange.endpoints,
          timeoutMs: args["timeout-ms"],
        },
        { probeHttp, probeWs, client: createClobClient },
      );
    } finally {
      await exchange.close();
    }
    if (args.json) process.stdout.write(`${JSON.stringify(lines)}\n`);
    else for (const l of lines) process.stdout.write(`${formatLine(l)}\n`);
    const failed = lines.filter((l) => l.status === "fail").length;
    if (!args.json) process.stdout.write(failed === 0 ? "mm doctor: ready for live trading.\n" : `mm doctor: ${failed} check(s) failed; fix them before trading live.\n`);
    process.exitCode = failed === 0 ? 0 : 1;
  },
};
