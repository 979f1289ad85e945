// The Store's record* methods, written once over `append`: what the engine's order, risk and resolution events become in the ledger.
import type { GatewayEvent, OrderRequest } from "../../ports/order-gateway.js";
import type { LedgerBody, LedgerEntry } from "../../domain/ledger/ledger-entry.js";
import type { PersistedState } from "../../domain/ledger/persisted-state.js";
import type { RiskLatch } from "../../domain/ledger/ledger-state.js";
import { gatewayEventBody, placedBody } from "./gateway-entries.js";

export abstract class LedgerRecorder {
  abstract state(): Readonly<PersistedState>;
  abstract append(body: LedgerBody): LedgerEntry;

  recordPlaced(request: OrderRequest, orderId: string): LedgerEntry {
    return this.append(placedBody(request, orderId));
  }

  recordGatewayEvent(event: GatewayEvent): LedgerEntry | null {
    const body = gatewayEventBody(event, this.state().orders);
    return body ? this.append(body) : null;
  }

  recordRisk(latch: RiskLatch): LedgerEntry {
    return this.append({ type: "risk", state: latch.state, reason: latch.reason });
  }

  recordResolution(market: string, winningTokenId: string): LedgerEntry {
    return this.append({ type: "resolution", market, winningToken: winningTokenId });
  }
}
