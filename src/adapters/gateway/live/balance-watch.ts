// Reads the exchange's collateral and share balances (the live account's start) and compares the balance with what our fills imply.
import { AssetType } from "@polymarket/clob-client-v2";
import type { Logger } from "../../../ports/logger.js";
import type { ExchangeAccount } from "../../../ports/order-gateway.js";
import { redactor } from "../../secrets/redact.js";
import type { ClobApi } from "./clob-client.js";
import type { RequestRunner } from "./request-runner.js";
import { checkBalance, type BalanceCheck, type LiveAccount } from "./live-positions.js";

export class BalanceWatch {
  private startBalance: number | null = null;

  constructor(
    private readonly api: ClobApi,
    private readonly runner: RequestRunner,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    this.startBalance = await this.read();
  }

  /** The exchange's collateral balance in micro-dollars, or null when it cannot be read. */
  async read(): Promise<number | null> {
    try {
      const r = await this.runner.run("read balance", () => this.api.getBalanceAllowance({ asset_type: AssetType.COLLATERAL }), { idempotent: true, gated: false });
      const n = Number(r?.balance);
      return Number.isSafeInteger(n) ? n : null;
    } catch (err) {
      this.logger.warn("could not read the collateral balance", { error: redactor.text((err as Error).message) });
      return null;
    }
  }

  /** Collateral and the share balances of `tokenIds` (a token whose balance cannot be read is left out); null without the collateral. */
  async account(tokenIds: readonly string[]): Promise<ExchangeAccount | null> {
    const cash = await this.read();
    if (cash === null) return null;
    const shares: Record<string, number> = {};
    for (const tokenId of new Set(tokenIds)) {
      const n = await this.readShares(tokenId);
      if (n !== null) shares[tokenId] = n;
    }
    return { cash, shares };
  }

  /** The exchange's share balance of a token in micro-shares, or null when it cannot be read. */
  async readShares(tokenId: string): Promise<number | null> {
    try {
      const r = await this.runner.run("read shares", () => this.api.getBalanceAllowance({ asset_type: AssetType.CONDITIONAL, token_id: tokenId }), { idempotent: true, gated: false });
      const n = Number(r?.balance);
      return Number.isSafeInteger(n) && n >= 0 ? n : null;
    } catch (err) {
      this.logger.warn("could not read a share balance", { token: tokenId, error: redactor.text((err as Error).message) });
      return null;
    }
  }

  /** Null when either balance is unknown; a mismatch is also logged. */
  async check(account: LiveAccount): Promise<BalanceCheck | null> {
    if (this.startBalance === null) return null;
    const now = await this.read();
    if (now === null) return null;
    const result = checkBalance(this.startBalance, account, now);
    if (!result.ok) this.logger.warn(result.detail);
    return result;
  }
}
