// Draws the tab-bar icons (81×81 PNG, the size WeChat recommends) from simple stroked shapes,
// so the icons stay tiny and can be regenerated without an image editor:
//   node scripts/generate-tab-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 81;
const STROKE_WIDTH = 6;
const SUPERSAMPLING = 4;
const COLOURS = { inactive: [0x8a, 0x94, 0xa6], active: [0x1f, 0x5f, 0xbf] };
const OUTPUT_DIR = new URL('../src/assets/tab-bar/', import.meta.url);

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const polyline = (...points) => (px, py) =>
  Math.min(...points.slice(1).map((point, i) => distanceToSegment(px, py, points[i], point)));

const ring = ([cx, cy], radius) => (px, py) => Math.abs(Math.hypot(px - cx, py - cy) - radius);

const roundedRectOutline = ([left, top], [right, bottom], radius) => (px, py) => {
  const halfWidth = (right - left) / 2 - radius;
  const halfHeight = (bottom - top) / 2 - radius;
  const qx = Math.abs(px - (left + right) / 2) - halfWidth;
  const qy = Math.abs(py - (top + bottom) / 2) - halfHeight;
  const signedDistance = Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
  return Math.abs(signedDistance);
};

const upperArc = ([cx, cy], radiusX, radiusY, steps = 24) =>
  polyline(
    ...Array.from({ length: steps + 1 }, (_, i) => {
      const angle = Math.PI + (Math.PI * i) / steps;
      return [cx + radiusX * Math.cos(angle), cy + radiusY * Math.sin(angle)];
    }),
  );

const ICONS = {
  home: [
    polyline([11, 41], [40.5, 14], [70, 41]),
    polyline([20, 35], [20, 68], [61, 68], [61, 35]),
    polyline([34, 68], [34, 51], [47, 51], [47, 68]),
  ],
  booking: [
    roundedRectOutline([12, 17], [69, 70], 8),
    polyline([12, 33], [69, 33]),
    polyline([27, 10], [27, 23]),
    polyline([54, 10], [54, 23]),
    polyline([29, 51], [37, 59], [53, 43]),
  ],
  'my-cars': [
    polyline([15, 58], [8, 58], [8, 45], [17, 41], [26, 24], [55, 24], [64, 41], [73, 45], [73, 58], [66, 58]),
    polyline([33, 58], [48, 58]),
    ring([24.5, 58], 8),
    ring([56.5, 58], 8),
  ],
  me: [ring([40.5, 27], 12.5), upperArc([40.5, 72], 26, 25)],
};

function coverageAt(shapes, x, y) {
  let covered = 0;
  for (let sy = 0; sy < SUPERSAMPLING; sy++) {
    for (let sx = 0; sx < SUPERSAMPLING; sx++) {
      const px = x + (sx + 0.5) / SUPERSAMPLING;
      const py = y + (sy + 0.5) / SUPERSAMPLING;
      if (shapes.some((distance) => distance(px, py) <= STROKE_WIDTH / 2)) covered++;
    }
  }
  return covered / SUPERSAMPLING ** 2;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = [];
  for (let y = 0; y < SIZE; y++) {
    rows.push(Buffer.from([0]), rgba.subarray(y * SIZE * 4, (y + 1) * SIZE * 4));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const [name, shapes] of Object.entries(ICONS)) {
  const coverage = Array.from({ length: SIZE * SIZE }, (_, i) => coverageAt(shapes, i % SIZE, Math.floor(i / SIZE)));
  for (const [state, [red, green, blue]] of Object.entries(COLOURS)) {
    const rgba = Buffer.alloc(SIZE * SIZE * 4);
    coverage.forEach((alpha, i) => rgba.set([red, green, blue, Math.round(alpha * 255)], i * 4));
    const fileName = state === 'active' ? `${name}-active.png` : `${name}.png`;
    writeFileSync(new URL(fileName, OUTPUT_DIR), encodePng(rgba));
  }
}
