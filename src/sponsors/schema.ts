/**
 * The owners' ad format, exactly as their export writes it (see content/sponsors/ads.json), and the
 * shape of a normalised entry as the `sponsors` content collection stores it.
 *
 * This module only depends on zod so it can be unit-tested without Astro.
 */
import { z } from 'astro/zod';

/** `type` values the site knows how to show. */
export const AD_TYPES = { 1: 'block', 2: 'banner' } as const;
export type SponsorKind = (typeof AD_TYPES)[keyof typeof AD_TYPES];

/** Only entries with this `status` are published; every other status is left out (and counted). */
export const PUBLISHED_STATUS = 9;

/** Image formats astro:assets can process from a local file. */
export const IMAGE_EXTENSIONS = ['jpeg', 'jpg', 'png', 'webp', 'avif', 'gif', 'tiff'] as const;

/** Epoch milliseconds, as the export writes `createTime` / `updateTime`. */
const epochMs = z.number().int().nonnegative();

/**
 * One raw entry. Checks here are about shape and type only; what a value may contain (an absolute
 * http(s) `link`, an `img` inside the images folder, a known `type`) is checked in normalise.ts so
 * that each failure can say precisely what was wrong and what was found.
 */
export const rawAdSchema = z.object({
	id: z.number().int().positive(),
	type: z.number().int(),
	status: z.number().int(),
	name: z.string(),
	txt: z.string(),
	link: z.string(),
	img: z.string(),
	memo: z.string().optional(),
	createTime: epochMs,
	updateTime: epochMs,
	userId: z.number().int(),
});
export type RawAd = z.infer<typeof rawAdSchema>;

/** Fields every raw entry must have, in the order the owners' export lists them (for messages). */
export const RAW_FIELDS = Object.keys(rawAdSchema.shape) as (keyof RawAd)[];

/**
 * A normalised entry, as the loader hands it to the collection. `img` is the image's path relative
 * to the data file (`./images/<file>`), which the collection schema turns into an astro:assets image.
 */
export interface SponsorEntry {
	/** Collection id: the ad's `id` as a string. */
	id: string;
	/** The ad's numeric `id`; entries are ordered by it. */
	adId: number;
	kind: SponsorKind;
	name: string;
	txt: string;
	memo?: string;
	/** The validated absolute http(s) URL, as the URL parser serialises it. */
	link: string;
	/** `./images/<file>`, relative to the data file. */
	img: string;
	/** BCP 47 language of `name` / `txt` (the owners write them in one language for both locales). */
	lang: string;
	createdAt: Date;
	updatedAt: Date;
	userId: number;
}

/**
 * The collection schema of a normalised entry. `image` is the helper Astro passes to a collection
 * schema function; it resolves `./images/<file>` relative to the data file into image metadata.
 */
export function sponsorEntrySchema<T extends z.ZodType>(image: () => T) {
	return z.object({
		adId: z.number().int().positive(),
		kind: z.enum(['block', 'banner']),
		name: z.string(),
		txt: z.string(),
		memo: z.string().optional(),
		link: z.url({ protocol: /^https?$/ }),
		img: image(),
		lang: z.string().min(1),
		createdAt: z.date(),
		updatedAt: z.date(),
		userId: z.number().int(),
	});
}
