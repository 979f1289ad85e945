// What `mm doctor` does: runs every check against the exchange the flags and .env name, prints one line (or JSON) per check, exits 1 if any failed.
import { createClobClient } from "../../adapters/gateway/live/clob-client.js";
import type { DoctorArgs } from "../commands/doctor.js";
import { loadSettings } from "../config.js";
import { formatLine, runChecks } from "./checks.js";
import { exchangeFor } from "./endpoints.js";
import { loadEnvFile } from "./env-file.js";
import { probeHttp, probeWs } from "./probes.js";

export async function handleDoctor(args: DoctorArgs): Promise<void> {
  const env = loadEnvFile(args);
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
}
