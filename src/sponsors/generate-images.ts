/**
 * Draws neutral stand-in images (a soft gradient and a few abstract shapes; no text, logos or
 * trademarks) for every `img` the sponsors data names, at the size its file name states
 * (`name_<width>_<height>.<ext>`) or DEFAULT_SIZE when the name states none. Existing files are left
 * alone unless --force is given. The owners replace these with their real artwork.
 *
 * Usage: node src/sponsors/generate-images.ts [--force] [path/to/ads.json]
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import sharp from 'sharp';
import { fnv1a } from '../widgets/text.ts';

/** Size for a file name that states none (e.g. `new_ads.png`): the blocks' 2:1 frame. */
export const DEFAULT_SIZE = { width: 500, height: 250 } as const;

/** `hwy_ms_500_252.jpeg` → 500×252; undefined when the name states no size. */
export function sizeFromName(file: string): { width: number; height: number } | undefined {
	const match = /_(\d+)_(\d+)\.[a-z]+$/i.exec(file);
	return match ? { width: Number(match[1]), height: Number(match[2]) } : undefined;
}


function svg(file: string, width: number, height: number): string {
	// Stable per file: each placeholder gets its own colours, the same on every build.
	const h = fnv1a(file);
	const hue = h % 360;
	const hue2 = (hue + 40 + ((h >> 9) % 60)) % 360;
	const short = Math.min(width, height);
	const wide = width / height > 6;
	// Nodes joined by a line: two ends of a connection, abstractly.
	const y = height / 2;
	const r = short * (wide ? 0.18 : 0.12);
	const left = wide ? height * 1.2 : width * 0.22;
	const right = width - left;
	const count = wide ? 9 : 4;
	const dots = Array.from({ length: count }, (_, i) => {
		const x = left + ((right - left) * (i + 1)) / (count + 1);
		return `<circle cx="${x.toFixed(1)}" cy="${y}" r="${(r * 0.35).toFixed(1)}" fill="#fff" fill-opacity="0.55"/>`;
	}).join('');
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <defs>
    <linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue} 55% 42%)"/>
      <stop offset="1" stop-color="hsl(${hue2} 60% 30%)"/>
    </linearGradient>
  </defs>
  <rect width="${width}" height="${height}" fill="url(#g)"/>
  <circle cx="${width * 0.85}" cy="${height * 0.1}" r="${short * 0.9}" fill="#fff" fill-opacity="0.06"/>
  <circle cx="${width * 0.1}" cy="${height * 1.05}" r="${short * 0.6}" fill="#000" fill-opacity="0.08"/>
  <line x1="${left}" y1="${y}" x2="${right}" y2="${y}" stroke="#fff" stroke-opacity="0.5" stroke-width="${Math.max(1.5, short * 0.02)}" stroke-dasharray="${short * 0.06} ${short * 0.05}"/>
  ${dots}
  <circle cx="${left}" cy="${y}" r="${r}" fill="none" stroke="#fff" stroke-width="${Math.max(2, short * 0.035)}"/>
  <circle cx="${right}" cy="${y}" r="${r}" fill="#fff" fill-opacity="0.85"/>
</svg>`;
}

export async function drawImage(file: string, out: string): Promise<void> {
	const { width, height } = sizeFromName(file) ?? DEFAULT_SIZE;
	const image = sharp(Buffer.from(svg(file, width, height)));
	const ext = extname(file).slice(1).toLowerCase();
	if (ext === 'png') await image.png({ palette: true, quality: 80, compressionLevel: 9, dither: 0.5 }).toFile(out);
	else if (ext === 'jpeg' || ext === 'jpg') await image.jpeg({ quality: 72, mozjpeg: true }).toFile(out);
	else if (ext === 'webp') await image.webp({ quality: 72 }).toFile(out);
	else throw new Error(`${file}: cannot draw a .${ext} stand-in`);
}

if (import.meta.main) {
	const args = process.argv.slice(2);
	const force = args.includes('--force');
	const data = resolve(args.find((arg) => !arg.startsWith('--')) ?? 'content/sponsors/ads.json');
	const imagesDir = join(dirname(data), 'images');
	mkdirSync(imagesDir, { recursive: true });
	const ads = JSON.parse(readFileSync(data, 'utf8')) as { img?: unknown }[];
	for (const img of new Set(ads.map((ad) => ad.img).filter((img): img is string => typeof img === 'string'))) {
		const out = join(imagesDir, img);
		if (existsSync(out) && !force) continue;
		await drawImage(img, out);
		console.log(`drew ${out}`);
	}
}
