// Every `mm` command, in the order `mm --help` lists them.
import type { CommandModule } from "yargs";
import { dashboardCommand } from "./dashboard.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [dashboardCommand];
