// Settings of the exchange's trading side: heartbeat timeout, trade settlement delays, accepted chains, wallets without allowance.

export interface TradingOptions {
  /** Once a key has sent a heartbeat, this long without one cancels all its orders (Polymarket: ~10 s). */
  heartbeatTimeoutMs: number;
  /** How often heartbeat deadlines are checked. */
  heartbeatCheckMs: number;
  /** Delay from MATCHED to MINED for each trade. */
  minedDelayMs: number;
  /** Delay from MINED to CONFIRMED. */
  confirmedDelayMs: number;
  /** Chain ids whose EIP-712 domains are accepted for L1 auth and order signatures (Polygon, Amoy). */
  chainIds: readonly number[];
  /** Secret mixed into API key derivation, so keys are stable per (address, nonce) for one exchange. */
  keySalt: string;
  /** Wallet addresses that approved no exchange contract: their allowances read 0 and their orders are refused. */
  noAllowance: readonly string[];
}

export const DEFAULT_TRADING_OPTIONS: TradingOptions = {
  heartbeatTimeoutMs: 10_000,
  heartbeatCheckMs: 250,
  minedDelayMs: 1_000,
  confirmedDelayMs: 2_000,
  chainIds: [137, 80002],
  keySalt: "mm-sim",
  noAllowance: [],
};

/** Whether a key's wallet has approved the exchange contracts (every wallet does unless named in noAllowance). */
export function hasAllowance(options: TradingOptions, address: string): boolean {
  return !options.noAllowance.some((a) => a.toLowerCase() === address.toLowerCase());
}

export function tradingOptions(overrides: Partial<TradingOptions> | undefined): TradingOptions {
  return { ...DEFAULT_TRADING_OPTIONS, ...(overrides ?? {}) };
}
