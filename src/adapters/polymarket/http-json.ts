// JSON over HTTP with a timeout, and errors that name the host, the request and what went wrong.

export class HttpError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

export interface HttpOptions {
  timeoutMs?: number;
  method?: "GET" | "POST";
  body?: unknown;
}

/** Fetches `base + path` and parses the JSON body; any failure becomes an HttpError saying which host, which request and why. */
export async function requestJson(base: string, path: string, opts: HttpOptions = {}): Promise<unknown> {
  const method = opts.method ?? "GET";
  const url = base.replace(/\/+$/, "") + path;
  const what = `${method} ${url}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: opts.body === undefined ? { accept: "application/json" } : { accept: "application/json", "content-type": "application/json" },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const why = e.name === "TimeoutError" ? `no answer within ${opts.timeoutMs ?? 10_000} ms` : (e.cause?.code ?? e.cause?.message ?? e.message);
    throw new HttpError(`${what} failed: ${why} (is ${hostOf(url)} reachable? check the endpoint flag or MM_* setting)`, null);
  }
  const text = await res.text();
  if (!res.ok) {
    let detail = text.slice(0, 200);
    try {
      const body = JSON.parse(text) as { error?: unknown; errorMsg?: unknown };
      if (typeof body.error === "string") detail = body.error;
      else if (typeof body.errorMsg === "string") detail = body.errorMsg;
    } catch {
      // not JSON: keep the text
    }
    throw new HttpError(`${what} answered HTTP ${res.status}${detail ? `: ${detail}` : ""}`, res.status);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(`${what} answered something that is not JSON: ${text.slice(0, 80)}`, res.status);
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
