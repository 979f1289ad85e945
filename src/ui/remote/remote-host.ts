// The screen thread's view of the host: DashboardHost and EngineHandle calls become messages; snapshots arrive as the host's poller reads them.
import type { MarketInfo } from "../../domain/market.js";
import type { CommandResult, EngineCommand, EngineHandle, EngineSnapshot } from "../../engine/snapshot.js";
import type { DashboardHost } from "../host.js";
import type { SnapshotStore } from "../snapshot-poller.js";
import type { HostCall, HostMessage, HostResults, Port, ScreenMessage } from "./protocol.js";

/** One engine's snapshots as the host side last sent them; listening starts and stops the host's poller. */
export class RemoteSnapshots implements SnapshotStore {
  private listeners = new Set<() => void>();

  constructor(
    readonly engine: number,
    private current: EngineSnapshot,
    private readonly post: (m: ScreenMessage) => void,
  ) {}

  get = (): EngineSnapshot => this.current;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.post({ type: "watch", engine: this.engine, on: true });
    return () => {
      if (!this.listeners.delete(listener) || this.listeners.size > 0) return;
      this.post({ type: "watch", engine: this.engine, on: false });
    };
  };

  refresh(): void {
    this.post({ type: "refresh", engine: this.engine });
  }

  noteFrameCost(ms: number): void {
    this.post({ type: "frame_cost", engine: this.engine, ms });
  }

  receive(snapshot: EngineSnapshot): void {
    this.current = snapshot;
    for (const listener of [...this.listeners]) listener();
  }
}

type Pending = { resolve: (value: HostResults[HostCall["method"]]) => void; reject: (err: Error) => void };

export class RemoteHost implements DashboardHost {
  private nextCall = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly stores = new Map<number, RemoteSnapshots>();
  private readonly handles = new WeakMap<EngineHandle, RemoteSnapshots>();

  constructor(
    private readonly port: Pick<Port<HostMessage, ScreenMessage>, "postMessage">,
    private currentSource: string,
  ) {}

  source(): string {
    return this.currentSource;
  }

  listMarkets(): Promise<MarketInfo[]> {
    return this.call<"listMarkets">({ method: "listMarkets" });
  }

  resolveMarket(ref: string): Promise<MarketInfo> {
    return this.call<"resolveMarket">({ method: "resolveMarket", ref });
  }

  async openMarket(market: MarketInfo): Promise<EngineHandle> {
    const opened = await this.call<"openMarket">({ method: "openMarket", market });
    this.stores.clear();
    const store = new RemoteSnapshots(opened.engine, opened.snapshot, (m) => this.port.postMessage(m));
    this.stores.set(opened.engine, store);
    const handle: EngineHandle = {
      snapshot: store.get,
      subscribe: store.subscribe,
      command: (command: EngineCommand): Promise<CommandResult> => this.call<"command">({ method: "command", engine: opened.engine, command }),
    };
    this.handles.set(handle, store);
    return handle;
  }

  async closeMarket(): Promise<void> {
    await this.call<"closeMarket">({ method: "closeMarket" });
    this.stores.clear();
  }

  async startDemo(): Promise<void> {
    await this.call<"startDemo">({ method: "startDemo" });
  }

  async shutdown(): Promise<void> {
    await this.call<"shutdown">({ method: "shutdown" });
  }

  forceExit(): void {
    this.port.postMessage({ type: "force_exit" });
  }

  /** The snapshots of a handle openMarket returned (App reads them instead of polling the handle). */
  snapshotsOf = (handle: EngineHandle): SnapshotStore => {
    const store = this.handles.get(handle);
    if (!store) throw new Error("this engine handle was not opened through the screen's host");
    return store;
  };

  /** A reply or a snapshot from the host side. */
  receive(m: Extract<HostMessage, { type: "reply" | "snapshot" }>): void {
    switch (m.type) {
      case "reply": {
        this.currentSource = m.source;
        const pending = this.pending.get(m.id);
        if (!pending) return;
        this.pending.delete(m.id);
        if (m.ok) pending.resolve(m.value);
        else pending.reject(new Error(m.error));
        return;
      }
      case "snapshot":
        this.stores.get(m.engine)?.receive(m.snapshot);
        return;
    }
  }

  private call<K extends HostCall["method"]>(call: Extract<HostCall, { method: K }>): Promise<HostResults[K]> {
    const id = this.nextCall++;
    return new Promise<HostResults[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as Pending["resolve"], reject });
      this.port.postMessage({ type: "call", id, call });
    });
  }
}
