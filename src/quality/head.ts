/**
 * Extra <head> tags for every page. Starlight already writes the canonical URL, hreflang alternates,
 * og:title/description/url/locale/site_name and twitter:card; this adds the social card image
 * (public/og.png, made by scripts/quality/og-image.ts), which must be an absolute URL. Its alt text
 * is in each locale's words, so src/quality/route-head.ts adds it page by page.
 */
import type { StarlightUserConfig } from '@astrojs/starlight/types';

type HeadConfig = NonNullable<StarlightUserConfig['head']>;

export const OG_IMAGE = { path: 'og.png', width: 1200, height: 630 };

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
