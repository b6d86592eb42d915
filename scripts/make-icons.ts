// The app icons in public/, drawn from the same house as public/favicon.svg: run once after the
// favicon changes (`npx tsx scripts/make-icons.ts`) and commit the PNGs. Nothing is downloaded.
// - icon-192.png, icon-512.png: the favicon as it is (rounded corners), for the manifest's "any";
// - icon-maskable-512.png: the green to every edge and the house inside the middle 80 % circle,
//   which launchers may cut to any shape (https://www.w3.org/TR/appmanifest/#icon-masks);
// - apple-touch-icon.png (180 px): full-bleed too, as iOS rounds the corners itself.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const publicDir = path.join(import.meta.dirname, '..', 'public');
const favicon = readFileSync(path.join(publicDir, 'favicon.svg'), 'utf8');
const house = /<path[^>]*\/>/.exec(favicon)![0];
const green = /fill="(#[0-9a-f]{6})"/i.exec(favicon)![1]!;
const fullBleed = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${green}"/><g transform="translate(16 16) scale(0.72) translate(-16 -16)">${house}</g></svg>`;

const render = (svg: string, size: number, file: string) =>
  sharp(Buffer.from(svg), { density: (72 * size) / 32 })
    .resize(size, size)
    .png({ compressionLevel: 9, palette: true })
    .toFile(path.join(publicDir, file));

await render(favicon, 192, 'icon-192.png');
await render(favicon, 512, 'icon-512.png');
await render(fullBleed, 512, 'icon-maskable-512.png');
await render(fullBleed, 180, 'apple-touch-icon.png');
console.log('icons written to public/');
