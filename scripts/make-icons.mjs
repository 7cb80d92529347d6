// Generates the tray and app icons in build/ as PNGs, with no dependencies (node:zlib only).
// The PNGs are committed resources; re-run `node scripts/make-icons.mjs` after changing this file.
//   tray-<state>.png (16 px) and tray-<state>@2x.png (32 px) for ok / warning / critical / paused
//   trayTemplate.png (16 px) and trayTemplate@2x.png (32 px): macOS template images, black + alpha
//   tray-<state>Template.png (+ @2x): macOS template images per state, told apart by shape, not colour
//   tray-<state>.ico (16 + 32 px): Windows tray icons; icon.ico (16…256 px): Windows app icon
//   icon.png (512 px): app icon; electron-builder derives the .icns from it
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'build');
const SUPERSAMPLE = 4;

const TRAY_STATES = {
  ok: [0x22, 0xc5, 0x5e],
  warning: [0xf5, 0x9e, 0x0b],
  critical: [0xef, 0x44, 0x44],
  paused: [0x9c, 0xa3, 0xaf],
};

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes an RGBA image (Uint8Array of size*size*4) as an 8-bit RGBA PNG. */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Renders an image by supersampling `paint(x, y)` (coordinates in 0..1, returns [r, g, b, a] with a in
 * 0..1, or null for transparent) and compositing the samples into straight-alpha RGBA.
 */
function render(size, paint) {
  const rgba = new Uint8Array(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const c = paint((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size);
          if (!c) continue;
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((a / n) * 255);
    }
  }
  return rgba;
}

const dist = (x, y, cx, cy) => Math.hypot(x - cx, y - cy);

/** A filled circle with a slightly darker rim, so it reads on light and dark menu bars. */
function trayCircle([r, g, b]) {
  const rim = [r, g, b].map((v) => Math.round(v * 0.7));
  return (x, y) => {
    const d = dist(x, y, 0.5, 0.5);
    if (d > 0.4375) return null;
    return d > 0.375 ? [...rim, 1] : [r, g, b, 1];
  };
}

const templateCircle = (x, y) => (dist(x, y, 0.5, 0.5) <= 0.4375 ? [0, 0, 0, 1] : null);

const BLACK = [0, 0, 0, 1];
/** macOS template glyphs, one per state: the menu bar tints them, so states differ by shape. */
const TEMPLATE_GLYPHS = {
  // ok: a filled dot
  ok: templateCircle,
  // warning: a ring (the dot hollowed out)
  warning: (x, y) => {
    const d = dist(x, y, 0.5, 0.5);
    return d <= 0.4375 && d >= 0.25 ? BLACK : null;
  },
  // critical: a dot with an exclamation mark cut out
  critical: (x, y) => {
    if (dist(x, y, 0.5, 0.5) > 0.4375) return null;
    const bar = Math.abs(x - 0.5) <= 0.07 && y >= 0.2 && y <= 0.58;
    const dot = dist(x, y, 0.5, 0.74) <= 0.08;
    return bar || dot ? null : BLACK;
  },
  // paused: two vertical bars
  paused: (x, y) =>
    y >= 0.15 && y <= 0.85 && ((x >= 0.22 && x <= 0.42) || (x >= 0.58 && x <= 0.78)) ? BLACK : null,
};

/** An ICO holding PNG images (Windows Vista and later read PNG entries). */
function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  const dir = Buffer.alloc(16 * images.length);
  let offset = 6 + dir.length;
  images.forEach(({ size, png }, i) => {
    const e = i * 16;
    dir[e] = size >= 256 ? 0 : size;
    dir[e + 1] = size >= 256 ? 0 : size;
    dir.writeUInt16LE(1, e + 4); // colour planes
    dir.writeUInt16LE(32, e + 6); // bits per pixel
    dir.writeUInt32LE(png.length, e + 8);
    dir.writeUInt32LE(offset, e + 12);
    offset += png.length;
  });
  return Buffer.concat([header, dir, ...images.map((i) => i.png)]);
}

function writeIco(name, sizes, paint) {
  const ico = encodeIco(sizes.map((size) => ({ size, png: encodePng(size, render(size, paint)) })));
  writeFileSync(join(outDir, name), ico);
  console.log(`build/${name}  ${sizes.join('+')} px  ${ico.length} B`);
}

/** App icon: a rounded dark square, a sky-blue ring and a green status dot. */
function appIcon(x, y) {
  const radius = 0.1875;
  const qx = Math.max(Math.abs(x - 0.5) - (0.5 - radius), 0);
  const qy = Math.max(Math.abs(y - 0.5) - (0.5 - radius), 0);
  if (Math.hypot(qx, qy) > radius) return null;
  const d = dist(x, y, 0.5, 0.5);
  if (d <= 0.14) return [0x22, 0xc5, 0x5e, 1];
  if (d >= 0.26 && d <= 0.32) return [0x38, 0xbd, 0xf8, 1];
  return [0x1e, 0x29, 0x3b, 1];
}

function write(name, size, paint) {
  const png = encodePng(size, render(size, paint));
  writeFileSync(join(outDir, name), png);
  console.log(`build/${name}  ${size}x${size}  ${png.length} B`);
}

mkdirSync(outDir, { recursive: true });
for (const [state, colour] of Object.entries(TRAY_STATES)) {
  write(`tray-${state}.png`, 16, trayCircle(colour));
  write(`tray-${state}@2x.png`, 32, trayCircle(colour));
}
write('trayTemplate.png', 16, templateCircle);
write('trayTemplate@2x.png', 32, templateCircle);
for (const [state, glyph] of Object.entries(TEMPLATE_GLYPHS)) {
  write(`tray-${state}Template.png`, 16, glyph);
  write(`tray-${state}Template@2x.png`, 32, glyph);
}
for (const [state, colour] of Object.entries(TRAY_STATES)) {
  writeIco(`tray-${state}.ico`, [16, 32], trayCircle(colour));
}
write('icon.png', 512, appIcon);
writeIco('icon.ico', [16, 32, 48, 256], appIcon);
