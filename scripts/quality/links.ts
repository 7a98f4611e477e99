/**
 * Link check over the built site: every internal href/src on every page (links, assets, canonical
 * and hreflang URLs, the social image) must reach a file in dist/, every #fragment an id on the page
 * it points to, and every page must exist in both locales. Exits 1 listing each broken link.
 *
 * Usage: node scripts/quality/links.ts [dist]   (BASE_PATH as the site was built with)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import { fileFor, pages, readPage, siteFromEnv, type PageRefs, type Site } from './dist.ts';

/** The secondary locale's URL prefix (under the base); the default locale sits at the root. */
export const OTHER_LOCALE = 'en/';

export interface Broken {
	page: string;
	link: string;
	reason: string;
}

/** The site's origin and base as written in its absolute URLs (from the sitemap index). */
function siteOrigin(site: Site): string | undefined {
	const index = join(site.dir, 'sitemap-index.xml');
	if (!existsSync(index)) return undefined;
	const loc = /<loc>([^<]+)<\/loc>/.exec(readFileSync(index, 'utf8'))?.[1];
	return loc ? new URL(loc).origin : undefined;
}

const metaUrls = (refs: PageRefs): string[] => {
	const urls: string[] = [];
	visit(refs.tree, 'element', (node: Element) => {
		const key = String(node.properties.property ?? node.properties.name ?? '');
		if (node.tagName === 'meta' && /^(og:image|og:url|twitter:image)$/.test(key)) {
			urls.push(String(node.properties.content ?? ''));
		}
	});
	return urls;
};

export function checkLinks(site: Site): { pages: number; links: number; broken: Broken[] } {
	const all = pages(site);
	const origin = siteOrigin(site);
	const cache = new Map<string, PageRefs>();
	const refsOf = (page: string): PageRefs | undefined => {
		if (!cache.has(page)) {
			const file = fileFor(site, page);
			if (!file?.endsWith('.html')) return undefined;
			cache.set(page, readPage(readFileSync(file, 'utf8')));
		}
		return cache.get(page);
	};
	const broken: Broken[] = [];
	let count = 0;
	for (const page of all) {
		const refs = refsOf(page)!;
		const links = [...refs.links, ...metaUrls(refs).map((value) => ({ tag: 'meta', value }))];
		for (const { tag, value: link } of links) {
			let ref = link;
			if (origin && ref.startsWith(`${origin}/`)) ref = ref.slice(origin.length);
			if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) continue;
			count++;
			const url = new URL(ref, `http://site.invalid${page}`);
			const path = url.pathname; // still encoded: fileFor decodes it once
			const fragment = decodeURIComponent(url.hash.slice(1));
			if (!path.startsWith(site.base)) {
				broken.push({ page, link, reason: `outside the base path ${site.base}` });
				continue;
			}
			const target = fileFor(site, path);
			if (!target) {
				const hint = !path.endsWith('/') && fileFor(site, `${path}/`) ? ' (add the trailing slash)' : '';
				broken.push({ page, link, reason: `no such file${hint}` });
				continue;
			}
			// An <a> may point at #_top without such an element (browsers scroll to the top); a
			// <link rel=expect> may not: it names where the first frame waits, and without its element
			// the frame would wait for the end of parsing, whatever the link meant.
			if (fragment && (fragment !== '_top' || tag === 'link') && target.endsWith('.html')) {
				const targetRefs = refsOf(path.endsWith('/') || path.endsWith('.html') ? path : `${path}/`);
				if (targetRefs && !targetRefs.ids.has(fragment)) {
					broken.push({ page, link, reason: `no element with id "${fragment}" on ${path}` });
				}
			}
		}
	}
	// Every page in one locale has its counterpart in the other.
	const other = site.base + OTHER_LOCALE;
	const set = new Set(all);
	for (const page of all) {
		const counterpart = page.startsWith(other) ? site.base + page.slice(other.length) : other + page.slice(site.base.length);
		if (!set.has(counterpart)) {
			broken.push({ page, link: counterpart, reason: 'the other locale has no such page' });
		}
	}
	return { pages: all.length, links: count, broken };
}

if (import.meta.main) {
	const site = siteFromEnv();
	const { pages: n, links, broken } = checkLinks(site);
	if (broken.length) {
		console.error(`✗ ${broken.length} broken link(s) in ${site.dir} (base ${site.base}):`);
		for (const b of broken) console.error(`  ${b.page}: ${b.link} — ${b.reason}`);
		process.exit(1);
	}
	console.log(`✓ links: ${links} internal links and fragments on ${n} pages resolve; every page exists in both locales`);
}
