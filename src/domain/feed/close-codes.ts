// What a WebSocket close code from the market channel means for the feed.

export type CloseMeaning = "resolved" | "slow_consumer" | "abnormal" | "other";

export function closeMeaning(code: number): CloseMeaning {
  switch (code) {
    case 1000:
      return "resolved";
    case 1013:
      return "slow_consumer";
    case 1005:
    case 1006:
      return "abnormal";
    default:
      return "other";
  }
}

/** A sentence for the feed's `reason` field. */
export function describeClose(code: number, reason: string): string {
  const said = reason ? `: ${reason}` : "";
  switch (closeMeaning(code)) {
    case "resolved":
      return `server closed 1000 (all subscribed assets resolved${said}); reconnecting to check`;
    case "slow_consumer":
      return `server closed 1013 (slow consumer${said}); reconnecting after backoff`;
    case "abnormal":
      return `connection dropped without a close frame (${code})`;
    case "other":
      return `socket closed ${code}${said}`;
  }
}
