/**
 * Extra <head> tags for every page. Starlight already writes the canonical URL, hreflang alternates,
 * og:title/description/url/locale/site_name and twitter:card; this adds the social card image
 * (public/og.png, made by scripts/quality/og-image.ts), which must be an absolute URL, and holds
 * the first frame until the page title is parsed. The image's alt text is in each locale's words,
 * so src/quality/route-head.ts adds it page by page.
 */
import type { StarlightUserConfig } from '@astrojs/starlight/types';

type HeadConfig = NonNullable<StarlightUserConfig['head']>;

export const OG_IMAGE = { path: 'og.png', width: 1200, height: 630 };

/** Starlight's id for the page title, on every page (its constants are not exported). */
const PAGE_TITLE_ID = '_top';

/**
 * Chromium paints a document it is still parsing. On a busy machine a frame caught the header or
 * the phone's table-of-contents bar half parsed (an empty toggle, a title 8 px wide), and what the
 * parser added next moved them: a layout shift on an unchanged build (0.0001 in a CI run, which
 * failed it; up to 0.0009 here under a 20× CPU slowdown). Held until the title is parsed, the first frame has everything above it whole;
 * what follows only extends the page downward. Browsers without `rel=expect` ignore it.
 */
export const wholeFirstFrame = (): HeadConfig => [
	{ tag: 'link', attrs: { rel: 'expect', href: `#${PAGE_TITLE_ID}`, blocking: 'render' } },
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
