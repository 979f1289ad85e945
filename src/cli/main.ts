// The `mm` command line: parses arguments with yargs and dispatches to the commands.
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { commands } from "./commands/index.js";
import { packageVersion } from "./package-info.js";
import { UsageError, exitCodeFor } from "./errors.js";

export async function runCli(argv: string[]): Promise<void> {
  let parser = yargs(argv)
    .scriptName("mm")
    .usage("$0 [command] [options]\n\nA terminal market maker for Polymarket. With no command, opens the dashboard.")
    .version(packageVersion())
    .alias("v", "version")
    .help()
    .alias("h", "help")
    .strict()
    .recommendCommands()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((msg, err) => {
      if (err && !(err instanceof UsageError)) throw err;
      process.stderr.write(`mm: ${msg ?? err?.message}\nRun \`mm --help\` for usage.\n`);
      process.exit(2);
    });
  for (const command of commands) parser = parser.command(command);
  await parser.parseAsync();
}

try {
  await runCli(hideBin(process.argv));
} catch (err) {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`mm: ${message}\n`);
  process.exit(exitCodeFor(err));
}
