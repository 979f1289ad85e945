// What each `mm` invocation loads: the light commands never pay for Ink, React, ethers or the official client, and a dry run never loads the client.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { startExchange, type Exchange } from "../../../src/sim/exchange.js";

const BIN = fileURLToPath(new URL("../../../bin/mm.js", import.meta.url));
const FIXTURE = "/work/shared/fixtures/polymarket/nslaughter/settled-subscription--repro.jsonl";
const HEAVY = ["ink", "react", "ethers", "@polymarket/clob-client-v2", "viem"];
const dir = mkdtempSync(join(tmpdir(), "mm-startup-"));
const run = promisify(execFile);

// A module-resolution hook that names every package the process loads on stderr.
const hooks = join(dir, "hooks.mjs");
const register = join(dir, "register.mjs");
writeFileSync(hooks, `export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write("LOAD " + r.url + "\\n"); return r; }\n`);
writeFileSync(register, `import { register } from "node:module"; register(${JSON.stringify(pathToFileURL(hooks).href)});\n`);

/** The packages named in the hook's lines. */
function packagesIn(stderr: string): Set<string> {
  const out = new Set<string>();
  for (const m of stderr.matchAll(/^LOAD .*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)) out.add(m[1]);
  return out;
}

async function loadedBy(args: string[]): Promise<Set<string>> {
  const r = await run(process.execPath, ["--import", register, BIN, ...args]).catch((err: { stdout: string; stderr: string }) => err);
  return packagesIn(r.stderr);
}

let ex: Exchange;
beforeAll(async () => {
  ex = await startExchange({ port: 0, seed: 3, markets: 2, rate: 50 });
});
afterAll(async () => {
  await ex?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("mm start-up", () => {
  it.each([
    ["--version", ["--version"]],
    ["inspect", ["inspect", FIXTURE, "--json"]],
    ["report", ["report", "--data-dir", join(dir, "none")]],
    ["kill", ["kill", "--data-dir", join(dir, "kill")]],
    ["run --help", ["run", "--help"]],
  ])("mm %s loads none of Ink, React, ethers or the official client", async (_name, args) => {
    const loaded = await loadedBy(args);
    expect(loaded.has("yargs")).toBe(true); // the hook saw the CLI load
    expect(HEAVY.filter((p) => loaded.has(p))).toEqual([]);
  });

  it("mm run in dry-run quotes without loading the official client (or Ink and React)", async () => {
    const { gamma, clob, ws } = ex.urls;
    const market = ex.markets()[0].slug;
    const child = spawn(process.execPath, ["--import", register, BIN, "run", "--headless", "--market", market, "--gamma-url", gamma, "--clob-url", clob, "--ws-url", ws, "--data-dir", join(dir, "run"), "--status-ms", "100"], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => {
        stdout += d.toString();
        if (stdout.includes('"type":"status"')) resolve();
      });
      void exited.then(() => reject(new Error(`mm run exited early: ${stderr.split("\n").filter((l) => !l.startsWith("LOAD")).join("\n")}`)));
    });
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    const loaded = packagesIn(stderr);
    expect(loaded.has("ws")).toBe(true);
    expect(HEAVY.filter((p) => loaded.has(p))).toEqual([]);
  });
});
