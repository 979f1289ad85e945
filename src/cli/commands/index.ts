// Every `mm` command, in the order `mm --help` lists them.
import type { CommandModule } from "yargs";
import { dashboardCommand } from "./dashboard.js";
import { doctorCommand } from "./doctor.js";
import { keysCommand } from "./keys.js";
import { inspectCommand } from "./inspect.js";
import { simCommand } from "./sim.js";
import { runCommand } from "./run.js";
import { reportCommand } from "./report.js";
import { exportCommand } from "./export.js";
import { repairCommand } from "./repair.js";
import { killCommand } from "./kill.js";
import { resumeCommand } from "./resume.js";
import { backtestCommand } from "./backtest.js";
import { recordCommand } from "./record.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [dashboardCommand, inspectCommand, keysCommand, doctorCommand, simCommand, runCommand, reportCommand, exportCommand, repairCommand, killCommand, resumeCommand, recordCommand, backtestCommand];
