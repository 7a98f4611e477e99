/**
 * Extra <head> tags for every page. Starlight already writes the canonical URL, hreflang alternates,
 * og:title/description/url/locale/site_name and twitter:card; this adds the social card image
 * (public/og.png, made by scripts/quality/og-image.ts), which must be an absolute URL, and holds
 * the first frame until the whole page is parsed. The image's alt text is in each locale's words,
 * so src/quality/route-head.ts adds it page by page.
 */
import type { StarlightUserConfig } from '@astrojs/starlight/types';

type HeadConfig = NonNullable<StarlightUserConfig['head']>;

export const OG_IMAGE = { path: 'og.png', width: 1200, height: 630 };

/** The last element of every page (src/sponsors/Footer.astro draws it): where the first frame waits. */
export const PAGE_END_ID = 'page-end';

/**
 * Chromium paints a document it is still parsing, and a frame painted mid-parse can show an element
 * half built that the parser then completes, moving what follows: on a busy machine the phone's
 * table-of-contents bar with an empty toggle (a shift of 0.0001 in a CI run, which failed it), a
 * heading's anchor link before its icon (0.0002 here, with the HTML sent in pauses), a lesson
 * paragraph once in 342 page-runs of the gate (0.023). Held until the whole page is parsed, the
 * first frame is the page as it will stay. The cost is a first paint after the last byte of HTML
 * (35 KB gzipped at most) instead of after the title. Browsers without `rel=expect` ignore it.
 */
export const wholeFirstFrame = (): HeadConfig => [
	{ tag: 'link', attrs: { rel: 'expect', href: `#${PAGE_END_ID}`, blocking: 'render' } },
];

export function socialMeta({ site, base }: { site: string; base: string }): HeadConfig {
	const url = new URL(`${base.replace(/^\/?/, '/').replace(/\/?$/, '/')}${OG_IMAGE.path}`, site).href;
	const meta = (attrs: Record<string, string>) => ({ tag: 'meta' as const, attrs });
	return [
		meta({ property: 'og:image', content: url }),
		meta({ property: 'og:image:type', content: 'image/png' }),
		meta({ property: 'og:image:width', content: String(OG_IMAGE.width) }),
		meta({ property: 'og:image:height', content: String(OG_IMAGE.height) }),
		meta({ name: 'twitter:image', content: url }),
	];
}
