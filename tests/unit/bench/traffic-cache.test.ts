// Cached traffic reads back exactly as generated, and a file from another generator version is ignored.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cachePath, GENERATOR_VERSION, loadTraffic, readTraffic } from "../../../src/bench/traffic-cache.js";
import { TRAFFIC_DEFAULTS } from "../../../src/bench/generator.js";

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), "mm-bench-test-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("traffic cache", () => {
  it("generates once, then reads the same traffic back", () => {
    const dir = tempDir();
    const first = loadTraffic({ markets: 4, frames: 500 }, dir);
    expect(first.cached).toBe(false);
    const second = loadTraffic({ markets: 4, frames: 500 }, dir);
    expect(second.cached).toBe(true);
    expect(second.path).toBe(first.path);
    expect(second.traffic.frames).toEqual(first.traffic.frames);
    expect(Array.from(second.traffic.timestamps)).toEqual(Array.from(first.traffic.timestamps));
    expect(second.traffic.opening).toBe(first.traffic.opening);
    expect(second.traffic.markets).toEqual(first.traffic.markets);
    expect(second.traffic.counts).toEqual(first.traffic.counts);
  });

  it("ignores a file written by another generator version", () => {
    const dir = tempDir();
    const { path } = loadTraffic({ markets: 2, frames: 50 }, dir);
    const text = readFileSync(path, "utf8");
    writeFileSync(path, text.replace(`"version":${GENERATOR_VERSION}`, `"version":${GENERATOR_VERSION + 1}`));
    expect(readTraffic(path)).toBeNull();
    expect(readTraffic(join(dir, "missing.txt"))).toBeNull();
  });

  it("names the file after every option", () => {
    const a = cachePath({ ...TRAFFIC_DEFAULTS }, "/tmp");
    for (const over of [{ seed: 8 }, { markets: 25 }, { frames: 7 }, { meanGapMs: 3 }, { startTs: 1 }]) expect(cachePath({ ...TRAFFIC_DEFAULTS, ...over }, "/tmp")).not.toBe(a);
  });
});
