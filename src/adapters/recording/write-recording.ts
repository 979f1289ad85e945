// Writes a recording (the JSONL `mm inspect` reads): a meta line with the markets, then every frame and connection mark, flushed per line.
import { closeSync, openSync, writeSync } from "node:fs";
import type { MarketInfo } from "../../domain/market.js";
import type { Clock } from "../../ports/clock.js";
import type { TransportFactory } from "../../ports/market-data.js";
import { toMetaMarket } from "./recording-meta.js";

export interface RecordingProgress {
  /** Frames written (received and sent). */
  frames: number;
  /** Bytes written, meta line included. */
  bytes: number;
}

/**
 * Each line goes to the file with one write(2) before the call returns, so a recorder that is killed leaves every line
 * it wrote (the last one may be cut only if the machine itself dies).
 */
export class RecordingWriter {
  readonly progress: RecordingProgress = { frames: 0, bytes: 0 };
  private fd: number | null;

  /** Creates (or truncates) `path` and writes the meta line, stamped `t` (the session's start on its clock). */
  constructor(path: string, markets: readonly MarketInfo[], t: number) {
    this.fd = openSync(path, "w");
    this.line({ t, dir: "meta", markets: markets.map(toMetaMarket) });
  }

  frame(t: number, dir: "recv" | "sent", text: string): void {
    this.progress.frames++;
    this.line({ t, dir, text });
  }

  opened(t: number): void {
    this.line({ t, dir: "open" });
  }

  closed(t: number, code: number, reason: string): void {
    this.line({ t, dir: "close", code, reason });
  }

  failed(t: number, message: string): void {
    this.line({ t, dir: "error", message });
  }

  /** Writes the end mark (the session stopped at `t`) and closes the file. */
  end(t: number): void {
    this.line({ t, dir: "end" });
    this.close();
  }

  close(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
  }

  private line(value: object): void {
    if (this.fd === null) return;
    const text = JSON.stringify(value) + "\n";
    this.progress.bytes += writeSync(this.fd, text);
  }
}

/** Wraps a transport factory so every frame and connection event passes through the writer, stamped with the clock's time. */
export function recordingTransport(inner: TransportFactory, writer: RecordingWriter, clock: Clock): TransportFactory {
  return (url, handlers) => {
    const transport = inner(url, {
      onOpen: () => {
        writer.opened(clock.now());
        handlers.onOpen();
      },
      onText: (text) => {
        writer.frame(clock.now(), "recv", text);
        handlers.onText(text);
      },
      onClose: (code, reason) => {
        writer.closed(clock.now(), code, reason);
        handlers.onClose(code, reason);
      },
      onError: (message) => {
        writer.failed(clock.now(), message);
        handlers.onError(message);
      },
    });
    return {
      send: (text) => {
        writer.frame(clock.now(), "sent", text);
        transport.send(text);
      },
      close: (code, reason) => transport.close(code, reason),
    };
  };
}
