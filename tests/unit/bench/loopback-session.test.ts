// Reading a frame's exchange timestamp for the loopback latency, without parsing the frame.
import { describe, expect, it } from "vitest";
import { frameTimestamp } from "../../../src/bench/loopback-session.js";
import { generateTraffic } from "../../../src/bench/generator.js";

describe("frameTimestamp", () => {
  it("reads the timestamp of every generated frame", () => {
    const t = generateTraffic({ markets: 3, frames: 300 });
    t.frames.forEach((f, i) => expect(frameTimestamp(f)).toBe(t.timestamps[i]));
    expect(frameTimestamp(t.opening)).toBe(t.openingTs);
  });

  it("is NaN for frames without one", () => {
    expect(frameTimestamp("PONG")).toBeNaN();
    expect(frameTimestamp('{"timestamp":""}')).toBeNaN();
    expect(frameTimestamp('{"timestamp":"12')).toBeNaN();
  });
});
