// Replay of recordings over the market channel, and `mm sim` as a user runs it (first line of URLs, exit 0 on SIGTERM).
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { FakeClock } from "../../../src/adapters/clock/fake-clock.js";
import { startExchange, type Exchange } from "../../../src/sim/exchange.js";
import { fixturePath, receivedFrames } from "../../helpers/fixtures.js";
import { connect, type Client } from "./ws-client.js";

const open: (Exchange | Client)[] = [];
afterEach(async () => {
  for (const x of open.splice(0)) "urls" in x ? await x.close() : x.ws.terminate();
});

describe("sim replay", () => {
  it("serves a capture's received frames, in order, as fast as possible with speed 0, and knows its markets over REST", async () => {
    const file = "nslaughter/stream-duplicates--long-run.jsonl";
    const ex = await startExchange({ replay: fixturePath(file), speed: 0 });
    open.push(ex);
    const expected = receivedFrames(file);
    expect(ex.markets()).toHaveLength(2);
    const [m] = ex.markets();
    const gamma = (await (await fetch(`${ex.urls.gamma}/markets?condition_ids=${m.meta.conditionId}`)).json()) as { clobTokenIds: string }[];
    expect(JSON.parse(gamma[0].clobTokenIds)).toEqual([m.meta.yesTokenId, m.meta.noTokenId]);
    const client = await connect(`${ex.urls.ws}/market`);
    open.push(client);
    client.ws.send(JSON.stringify({ type: "market", assets_ids: [m.meta.yesTokenId] }));
    await client.waitFor(() => client.frames.length >= expected.length);
    expect(client.frames).toEqual(expected);
  });

  it("keeps the recording's timing at speed 1 (on the injected clock)", async () => {
    const clock = new FakeClock(0);
    const file = "nslaughter/stream-duplicates--long-run.jsonl";
    const ex = await startExchange({ replay: fixturePath(file), speed: 1, clock, idleMs: 1e9 });
    open.push(ex);
    const client = await connect(`${ex.urls.ws}/market`);
    open.push(client);
    client.ws.send(JSON.stringify({ type: "market", assets_ids: [ex.markets()[0].meta.yesTokenId] }));
    await client.waitFor(() => true);
    const first = client.frames.length;
    // The capture's second frame comes 0.17 ms after the first; the third ~241 s later.
    clock.advance(200_000);
    await client.sync();
    expect(client.frames.length - 1).toBe(first);
    clock.advance(45_000);
    await client.waitFor((f) => f !== "PONG", 2000, first + 1);
  });

  it("says clearly when the replay file cannot be read", async () => {
    await expect(startExchange({ replay: "/nonexistent/rec.jsonl" })).rejects.toThrow(/cannot read the replay file \/nonexistent\/rec\.jsonl/);
  });
});

describe("mm sim", () => {
  it("prints the URLs as its first stdout line, serves them, and exits 0 on SIGTERM", async () => {
    const child = spawn(process.execPath, ["bin/mm.js", "sim", "--port", "0", "--seed", "3", "--markets", "3"], { cwd: new URL("../../../", import.meta.url) });
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once("line", resolve);
      child.once("exit", (code) => reject(new Error(`mm sim exited ${code}`)));
    });
    const urls = JSON.parse(line) as { gamma: string; clob: string; ws: string };
    expect(urls.clob).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(urls.gamma).toBe(`${urls.clob}/gamma`);
    expect(urls.ws).toBe(`${urls.clob.replace("http", "ws")}/ws`);
    const markets = (await (await fetch(`${urls.gamma}/markets`)).json()) as unknown[];
    expect(markets).toHaveLength(3);
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it.each([
    [["--markets", "0"], /--markets 0: use an integer 1\.\.1000/],
    [["--informed-share", "2"], /--informed-share 2: use a share between 0 and 1/],
  ])("refuses a bad flag value (%j) with a message that says how to fix it", async (flags, message) => {
    const child = spawn(process.execPath, ["bin/mm.js", "sim", ...flags], { cwd: new URL("../../../", import.meta.url) });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});
