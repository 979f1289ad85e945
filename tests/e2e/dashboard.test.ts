// The real `mm` binary in a terminal: pick a demo market with the keys, see it quote, halt it with k, quit with q.
import { afterAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { hasTmux, openTerminal, type Terminal } from "./tmux.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "bin", "mm.js");
const dir = mkdtempSync(join(tmpdir(), "mm-e2e-"));
let term: Terminal | null = null;

afterAll(() => {
  term?.close();
  rmSync(dir, { recursive: true, force: true });
});

if (!hasTmux) process.stderr.write("tests/e2e/dashboard.test.ts: tmux is not installed (apt-get install tmux), so the terminal test is skipped\n");

describe.skipIf(!hasTmux)("mm in a terminal", () => {
  it("picks a market, quotes in DRY-RUN on a LIVE feed, halts on k, exits 0 on q with nothing open", async () => {
    const data = join(dir, "data");
    const exitFile = join(dir, "exit-code");
    // Ink draws only the final frame when it thinks it runs in CI, so the terminal session runs without CI set.
    const command = `cd ${root} && env -u CI -u CONTINUOUS_INTEGRATION NO_COLOR=1 node ${bin} --demo --data-dir ${data}; echo $? > ${exitFile}`;
    term = openTerminal(command, 80, 24);
    const t = term;

    await t.waitFor((s) => /\d+ of \d+ markets/.test(s), "the market picker", 60_000);
    // Sort by end date and take the last market, so the one picked is far from its end (no REDUCING near expiry).
    t.keys("s", "s", "s", "s");
    await t.waitFor((s) => s.includes("sort: ending soon"), "the ending-soon sort");
    t.keys("End", "Up", "Down");
    await t.waitFor((s) => s.split("\n").some((l) => l.startsWith("›")), "a selected row");
    t.keys("Enter");

    const dash = await t.waitFor((s) => s.includes("DRY-RUN") && s.includes("feed LIVE") && /Our quotes \([1-9]/.test(s), "DRY-RUN, feed LIVE and our quotes", 45_000);
    expect(dash).toMatch(/YES BUY|NO\s+BUY/);
    // NO_COLOR is respected: no colour or style escapes reach the terminal.
    expect(t.styledScreen()).not.toContain("\u001b[");
    // The frame fits: its first line (the badge) is still on the top row, nothing scrolled away.
    expect(dash.split("\n")[0]).toContain("DRY-RUN");

    t.keys("k");
    await t.waitFor((s) => s.includes("HALTED"), "the HALTED banner", 10_000);
    await t.waitFor((s) => s.includes("Our quotes (0)"), "every quote pulled", 10_000);

    t.keys("q");
    await t.waitFor(() => existsSync(exitFile) && readFileSync(exitFile, "utf8").trim() !== "", "mm to exit", 20_000);
    expect(readFileSync(exitFile, "utf8").trim()).toBe("0");

    const report = JSON.parse(execFileSync("node", [bin, "report", "--json", "--data-dir", data], { encoding: "utf8" })) as { openOrders: number; risk: { state: string } };
    expect(report.openOrders).toBe(0);
    expect(report.risk.state).toBe("HALTED");
  }, 150_000);
});
