/**
 * Starlight route middleware: the <head> tags whose words depend on the page's locale, which
 * Starlight's `head` config (one list for every page) cannot give. The social image's alt text,
 * and the site's description on pages without one of their own (the 404 pages), in the page's
 * language, from content/i18n/<locale>.json.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';

export const onRequest = defineRouteMiddleware((context) => {
	const { t, starlightRoute: route } = context.locals;
	const meta = (attrs: Record<string, string>) => ({ tag: 'meta' as const, attrs });
	route.head.push(meta({ property: 'og:image:alt', content: t('site.imageAlt') }), meta({ name: 'twitter:image:alt', content: t('site.imageAlt') }));
	if (route.entry.data.description) return;
	for (const tag of route.head) {
		const { name, property } = tag.attrs ?? {};
		if (tag.tag === 'meta' && (name === 'description' || property === 'og:description')) tag.attrs!.content = t('site.description');
	}
});
