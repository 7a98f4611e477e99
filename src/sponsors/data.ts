/** The published sponsors, as components read them from the `sponsors` collection. */
import { getCollection, type CollectionEntry } from 'astro:content';

export type Sponsor = CollectionEntry<'sponsors'>['data'];

export interface Sponsors {
	blocks: Sponsor[];
	banner?: Sponsor;
}

/** Read once per build: every page shows the same sponsors (and an empty collection warns once). */
let cached: Promise<Sponsors> | undefined;

/** Sponsor blocks ordered by `id`, and the banner (the loader keeps at most one). */
export function getSponsors(): Promise<Sponsors> {
	if (import.meta.env.DEV) return readSponsors();
	return (cached ??= readSponsors());
}

async function readSponsors(): Promise<Sponsors> {
	const entries = (await getCollection('sponsors')).map((entry) => entry.data);
	const blocks = entries.filter((entry) => entry.kind === 'block').sort((a, b) => a.adId - b.adId);
	const banner = entries.find((entry) => entry.kind === 'banner');
	return banner ? { blocks, banner } : { blocks };
}

/** Lesson pages get sponsor blocks; the splash home page and the 404 page do not. */
export function isLessonPage(route: App.Locals['starlightRoute']): boolean {
	const { entry } = route;
	return entry.data.template !== 'splash' && !entry.data.hero && entry.id !== '404' && !entry.id.endsWith('/404');
}
