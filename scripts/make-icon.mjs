// Draws the 128×128 marketplace icon (client/icon.png): an orange tile with a white cloud and a dark check mark; no image tools needed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const ORANGE = [243, 128, 32, 255];
const WHITE = [255, 255, 255, 255];
const DARK = [34, 40, 49, 255];
const CLEAR = [0, 0, 0, 0];

const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
/** Distance from a point to a segment, for the check mark's strokes. */
function segmentDistance(x, y, [ax, ay], [bx, by]) {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

function pixel(x, y) {
  const corner = 22;
  const cx = Math.min(Math.max(x, corner), SIZE - 1 - corner);
  const cy = Math.min(Math.max(y, corner), SIZE - 1 - corner);
  if (!inCircle(x, y, cx, cy, corner)) return CLEAR;
  const check = segmentDistance(x, y, [46, 70], [58, 82]) <= 5 || segmentDistance(x, y, [58, 82], [84, 56]) <= 5;
  const cloud = inCircle(x, y, 44, 72, 20) || inCircle(x, y, 66, 56, 26) || inCircle(x, y, 88, 72, 18) || (x >= 44 && x <= 88 && y >= 60 && y <= 90);
  if (cloud && check) return DARK;
  return cloud ? WHITE : ORANGE;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const rows = [];
for (let y = 0; y < SIZE; y++) {
  rows.push(0); // filter: none
  for (let x = 0; x < SIZE; x++) rows.push(...pixel(x, y));
}
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.from(rows), { level: 9 })), chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../client/icon.png', import.meta.url), png);
console.log(`client/icon.png: ${png.length} bytes`);
