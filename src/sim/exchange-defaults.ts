// The embedded exchange's option defaults, in a module light enough for `mm sim`'s flag definitions to import.
export const EXCHANGE_DEFAULTS = { host: "127.0.0.1", port: 0, seed: 1, markets: 8, rate: 20, speed: 1, informedShare: 0.3 } as const;
