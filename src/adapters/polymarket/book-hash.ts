// Polymarket's book hash: SHA-1 hex of the canonical book text built in the domain.
import { createHash } from "node:crypto";
import { bookHashText, type BookHashMeta, type HashableBook } from "../../domain/book/book-hash.js";

export function bookHash(book: HashableBook, meta: BookHashMeta): string {
  return createHash("sha1").update(bookHashText(book, meta)).digest("hex");
}
