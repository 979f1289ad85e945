// `mm sim`'s flag defaults are written out in the light command module; each must stay the embedded exchange's own.
import { describe, expect, it } from "vitest";
import { SIM_FLAG_DEFAULTS } from "../../../src/cli/commands/sim.js";
import { EXCHANGE_DEFAULTS } from "../../../src/sim/exchange.js";

describe("mm sim flag defaults", () => {
  it.each(Object.entries(SIM_FLAG_DEFAULTS))("--%s defaults to EXCHANGE_DEFAULTS.%s", (key, value) => {
    expect(value).toBe(EXCHANGE_DEFAULTS[key as keyof typeof EXCHANGE_DEFAULTS]);
  });
});
