// UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Ids made one after
// the other sort one after the other, so a bulk import appends to its primary-key and foreign-key
// indexes instead of touching pages all over them.
import { randomFillSync } from 'node:crypto';

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Ids in the order made, also within one millisecond (a 12-bit counter fills `rand_a`). */
export function timeOrderedIdFactory(now: () => number = Date.now): () => string {
  let lastMs = -1;
  let counter = 0;
  const bytes = new Uint8Array(16);
  // Random bytes drawn 4 KB at a time: one system call per 512 ids instead of one per id.
  const pool = new Uint8Array(4096);
  let poolAt = pool.length;
  return () => {
    let ms = now();
    if (ms <= lastMs) {
      counter++;
      if (counter > 0xfff) {
        // 4,096 ids in one millisecond: borrow the next millisecond rather than lose the order.
        lastMs++;
        counter = 0;
      }
      ms = lastMs;
    } else {
      lastMs = ms;
      counter = 0;
    }
    if (poolAt === pool.length) {
      randomFillSync(pool);
      poolAt = 0;
    }
    bytes.set(pool.subarray(poolAt, poolAt + 8), 8);
    poolAt += 8;
    bytes[0] = Math.floor(ms / 2 ** 40) & 0xff;
    bytes[1] = Math.floor(ms / 2 ** 32) & 0xff;
    bytes[2] = (ms >>> 24) & 0xff;
    bytes[3] = (ms >>> 16) & 0xff;
    bytes[4] = (ms >>> 8) & 0xff;
    bytes[5] = ms & 0xff;
    bytes[6] = 0x70 | (counter >>> 8); // version 7
    bytes[7] = counter & 0xff;
    bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f); // RFC 9562 variant
    let s = '';
    for (let i = 0; i < 16; i++) {
      s += HEX[bytes[i] ?? 0] ?? '00';
      if (i === 3 || i === 5 || i === 7 || i === 9) s += '-';
    }
    return s;
  };
}
