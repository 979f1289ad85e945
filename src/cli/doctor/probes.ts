// Reachability probes for `mm doctor`: an HTTP GET and a WebSocket open, each with a timeout and a plain-words error.
import WebSocket from "ws";

export type Probe = { ok: true; detail: string } | { ok: false; detail: string };

function describe(err: unknown): string {
  const e = err as { cause?: { code?: string; message?: string }; message?: string; name?: string };
  if (e?.name === "TimeoutError" || e?.name === "AbortError") return "no answer (timed out)";
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(err);
}

export async function probeHttp(url: string, timeoutMs: number): Promise<Probe> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    if (!res.ok) return { ok: false, detail: `${url} answered HTTP ${res.status}` };
    return { ok: true, detail: `${url} answered HTTP ${res.status}` };
  } catch (err) {
    return { ok: false, detail: `${url}: ${describe(err)}` };
  }
}

export function probeWs(url: string, timeoutMs: number): Promise<Probe> {
  return new Promise((resolve) => {
    let socket: WebSocket;
    try {
      socket = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: timeoutMs });
    } catch (err) {
      resolve({ ok: false, detail: `${url}: ${describe(err)}` });
      return;
    }
    const done = (p: Probe) => {
      socket.removeAllListeners();
      socket.on("error", () => undefined);
      socket.terminate();
      resolve(p);
    };
    socket.once("open", () => done({ ok: true, detail: `${url} accepted a connection` }));
    socket.once("error", (err) => done({ ok: false, detail: `${url}: ${describe(err)}` }));
    socket.once("unexpected-response", (_req, res) => done({ ok: false, detail: `${url} answered HTTP ${res.statusCode}` }));
  });
}
