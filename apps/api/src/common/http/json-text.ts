import { Header } from '@nestjs/common';

/**
 * For handlers that return JSON already made (by PostgreSQL, see keysetJsonPage) as a Buffer from
 * jsonBuffer: Fastify sends it as it is, without serializing it again.
 */
export const SendsJsonText = () => Header('content-type', 'application/json; charset=utf-8');

/**
 * Pieces of JSON text, each already valid where it stands, encoded once into one Buffer. Joining
 * them into a string instead copies every item twice on the V8 heap (the join, then the flattening
 * when the length is taken), and under load those copies are what the garbage collector spends
 * its time moving: a page's items are tens of kilobytes, held while the response is written.
 */
export function jsonBuffer(pieces: readonly string[]): Buffer {
  let size = 0;
  for (const piece of pieces) size += Buffer.byteLength(piece);
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (const piece of pieces) at += out.write(piece, at);
  return out;
}

/** `[item,item,…]` as pieces for jsonBuffer: the items go in as they are. */
export function arrayPieces(items: readonly string[], into: string[] = []): string[] {
  into.push('[');
  for (let i = 0; i < items.length; i++) {
    if (i > 0) into.push(',');
    into.push(items[i]);
  }
  into.push(']');
  return into;
}
