/**
 * Pure: the owners' ads.json text → validated, normalised sponsor entries, or a SponsorDataError
 * that names the file, the entry and the field of every problem found. No Astro, no file system
 * (whether an image exists is asked through `imageExists`), so every case is unit-testable.
 */
import { posix } from 'node:path';
import {
	AD_TYPES,
	IMAGE_EXTENSIONS,
	PUBLISHED_STATUS,
	RAW_FIELDS,
	rawAdSchema,
	type RawAd,
	type SponsorEntry,
} from './schema';

/** One problem in the data file; `index`/`id` say which entry, `field` which of its fields. */
export interface SponsorProblem {
	file: string;
	index?: number;
	id?: unknown;
	field?: string;
	message: string;
}

/** Formats a problem as `<file>: entry id=3 (index 2): field "link": <message>`. */
export function formatProblem(problem: SponsorProblem): string {
	const parts = [problem.file];
	if (problem.index !== undefined) {
		parts.push(
			problem.id === undefined
				? `entry at index ${problem.index} (no id)`
				: `entry id=${typeof problem.id === 'number' ? problem.id : shortJson(problem.id)} (index ${problem.index})`,
		);
	}
	if (problem.field !== undefined) parts.push(`field "${problem.field}"`);
	return `${parts.join(': ')}: ${problem.message}`;
}

/** Bad sponsor data. The message has one line per problem, each naming file, entry and field. */
export class SponsorDataError extends Error {
	readonly problems: readonly SponsorProblem[];
	constructor(problems: readonly SponsorProblem[]) {
		super(problems.map(formatProblem).join('\n'));
		this.name = 'SponsorDataError';
		this.problems = problems;
	}
}

export interface NormaliseOptions {
	/** The data file as messages should name it, e.g. `content/sponsors/ads.json`. */
	file: string;
	/** The images folder as messages should name it; `img` paths are relative to it. */
	imagesDir?: string;
	/** Whether `img` (already checked to stay inside the images folder) exists there. */
	imageExists?: (img: string) => boolean;
	/** BCP 47 language the owners write `name` / `txt` in. */
	lang?: string;
}

export interface NormaliseResult {
	/** Published `type` 1 entries, ordered by `id`. */
	blocks: SponsorEntry[];
	/** The published `type` 2 entry with the newest `updateTime` (ties: the higher `id`), if any. */
	banner?: SponsorEntry;
	/** Entries in the file. */
	total: number;
	/** Entries left out because their `status` is not published, ordered by `id`. */
	unpublished: { id: number; status: number }[];
	/** Ids of published banners left out because a newer banner exists. */
	olderBanners: number[];
}

/** What each field must be, for messages. */
const EXPECTED: Record<keyof RawAd, string> = {
	id: 'a positive integer',
	type: 'an integer',
	status: 'an integer',
	name: 'a string',
	txt: 'a string',
	link: 'a string',
	img: 'a string',
	memo: 'a string',
	createTime: 'a time in epoch milliseconds (a non-negative integer)',
	updateTime: 'a time in epoch milliseconds (a non-negative integer)',
	userId: 'an integer',
};

function shortJson(value: unknown): string {
	let text: string;
	try {
		text = JSON.stringify(value) ?? String(value);
	} catch {
		text = String(value);
	}
	return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** A value as a message shows it: JSON, shortened, with its kind when that is not obvious. */
export function show(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
	const text = shortJson(value);
	if (Array.isArray(value)) return `an array ${text}`;
	if (value !== null && typeof value === 'object') return `an object ${text}`;
	if (typeof value === 'string') return `string ${text}`;
	return text;
}

function kindOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** The message for a `link` that is not an absolute http(s) URL, or the URL as parsed. */
export function checkLink(link: string): { href: string } | { error: string } {
	const bad = { error: `must be an absolute http(s) URL, got ${JSON.stringify(link)}` };
	// Spaces and control characters would be silently dropped or encoded by the URL parser.
	if (/[\s\u0000-\u001f\u007f]/.test(link)) return bad;
	if (!/^https?:\/\/[^/]/i.test(link)) return bad;
	let url: URL;
	try {
		url = new URL(link);
	} catch {
		return bad;
	}
	if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return bad;
	if (url.username || url.password) {
		return { error: `must not contain a user name or password, got ${JSON.stringify(link)}` };
	}
	return { href: url.href };
}

/** The message for an `img` that is not a file inside the images folder, or its normalised path. */
export function checkImg(img: string, imagesDir: string): { path: string } | { error: string } {
	const where = `a file inside ${imagesDir}/`;
	if (img === '') return { error: `must name ${where}, got ""` };
	if (
		img.includes('\\') ||
		img.startsWith('/') ||
		/^[a-z][a-z0-9+.-]*:/i.test(img) ||
		/[\u0000-\u001f\u007f]/.test(img)
	) {
		return { error: `must be a relative path to ${where}, got ${JSON.stringify(img)}` };
	}
	const path = posix.normalize(img);
	if (path === '..' || path.startsWith('../') || path.split('/').includes('..')) {
		return { error: `escapes the images folder: must be ${where}, got ${JSON.stringify(img)}` };
	}
	if (path === '.' || path.endsWith('/')) return { error: `must name ${where}, got ${JSON.stringify(img)}` };
	const ext = posix.extname(path).slice(1).toLowerCase();
	if (!(IMAGE_EXTENSIONS as readonly string[]).includes(ext)) {
		return {
			error: `must be an image file (${IMAGE_EXTENSIONS.map((e) => `.${e}`).join(', ')}), got ${JSON.stringify(img)}`,
		};
	}
	return { path };
}

/**
 * Parses and validates the owners' ads.json text. Throws SponsorDataError listing every problem;
 * otherwise returns the published entries, normalised and ordered by `id`.
 */
export function normalise(text: string, options: NormaliseOptions): NormaliseResult {
	const { file, imagesDir = posix.join(posix.dirname(file), 'images'), lang = 'zh-CN' } = options;
	const imageExists = options.imageExists ?? (() => true);
	const fail = (message: string): never => {
		throw new SponsorDataError([{ file, message }]);
	};

	let json: unknown;
	try {
		json = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		fail(`is not valid JSON: ${(error as Error).message}`);
	}
	if (!Array.isArray(json)) {
		return fail(`must be a JSON array of ads, got ${kindOf(json)}`);
	}

	const problems: SponsorProblem[] = [];
	const valid: { index: number; raw: RawAd; link: string; img: string }[] = [];
	const firstIndexOfId = new Map<number, number>();

	json.forEach((item: unknown, index) => {
		if (item === null || typeof item !== 'object' || Array.isArray(item)) {
			problems.push({ file, index, message: `must be an object, got ${kindOf(item)}` });
			return;
		}
		const record = item as Record<string, unknown>;
		const id = record.id;
		const at = { file, index, id };
		const before = problems.length;

		if (record.memo === null) delete record.memo; // some exports write an empty memo as null
		const parsed = rawAdSchema.safeParse(record);
		if (!parsed.success) {
			const fields = new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? '')));
			for (const field of RAW_FIELDS.filter((name) => fields.has(name))) {
				const value = record[field];
				problems.push({
					...at,
					field,
					message:
						value === undefined
							? `is required but missing`
							: `must be ${EXPECTED[field]}, got ${show(value)}`,
				});
			}
			return;
		}
		const raw = parsed.data;

		if (!(raw.type in AD_TYPES)) {
			problems.push({
				...at,
				field: 'type',
				message: `unknown type ${raw.type}: must be 1 (sponsor block) or 2 (footer banner)`,
			});
		}
		const first = firstIndexOfId.get(raw.id);
		if (first !== undefined) {
			problems.push({ ...at, field: 'id', message: `duplicate id ${raw.id}: already used by the entry at index ${first}` });
		} else {
			firstIndexOfId.set(raw.id, index);
		}
		const link = checkLink(raw.link);
		if ('error' in link) problems.push({ ...at, field: 'link', message: link.error });
		const img = checkImg(raw.img, imagesDir);
		if ('error' in img) {
			problems.push({ ...at, field: 'img', message: img.error });
		} else if (raw.status === PUBLISHED_STATUS && !imageExists(img.path)) {
			problems.push({ ...at, field: 'img', message: `image file not found: ${posix.join(imagesDir, img.path)}` });
		}
		if (problems.length === before && 'href' in link && 'path' in img) {
			valid.push({ index, raw, link: link.href, img: img.path });
		}
	});
	if (problems.length) throw new SponsorDataError(problems);

	valid.sort((a, b) => a.raw.id - b.raw.id);
	const toEntry = ({ raw, link, img }: (typeof valid)[number]): SponsorEntry => ({
		id: String(raw.id),
		adId: raw.id,
		kind: AD_TYPES[raw.type as keyof typeof AD_TYPES],
		name: raw.name,
		txt: raw.txt,
		...(raw.memo === undefined ? {} : { memo: raw.memo }),
		link,
		img: `./${posix.join(posix.relative(posix.dirname(file), imagesDir) || '.', img)}`,
		lang,
		createdAt: new Date(raw.createTime),
		updatedAt: new Date(raw.updateTime),
		userId: raw.userId,
	});
	const published = valid.filter(({ raw }) => raw.status === PUBLISHED_STATUS).map(toEntry);
	const banners = published
		.filter((entry) => entry.kind === 'banner')
		.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || b.adId - a.adId);
	const [banner, ...older] = banners;
	return {
		blocks: published.filter((entry) => entry.kind === 'block'),
		...(banner ? { banner } : {}),
		total: json.length,
		unpublished: valid
			.filter(({ raw }) => raw.status !== PUBLISHED_STATUS)
			.map(({ raw }) => ({ id: raw.id, status: raw.status })),
		olderBanners: older.map((entry) => entry.adId).sort((a, b) => a - b),
	};
}
