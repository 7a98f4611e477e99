import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { termsLoader } from './src/glossary/loader';
import { quizSchema } from './src/schemas/quiz';
import { termSchema } from './src/schemas/terms';
import { sponsorsLoader } from './src/sponsors/loader';
import { sponsorEntrySchema } from './src/sponsors/schema';

export const collections = {
	docs: defineCollection({
		loader: docsLoader(),
		schema: docsSchema({ extend: z.object({ quiz: quizSchema }) }),
	}),
	// UI strings per locale: content/i18n/<locale>.json. Custom keys are prefixed by their feature.
	i18n: defineCollection({
		loader: i18nLoader(),
		schema: i18nSchema({
			extend: z.object({
				// Read by astro.config.mjs (title, sidebar) and src/quality/route-head.ts (description, image alt).
				'site.title': z.string(),
				'site.description': z.string(),
				'site.imageAlt': z.string(),
				'sidebar.lessons': z.string(),
				'sidebar.production': z.string(),
				'sidebar.reference': z.string(),
				'notFound.start': z.string(),
				'sponsors.label': z.string().optional(),
				'sponsors.groupLabel': z.string().optional(),
				'sponsors.newTab': z.string().optional(),
				// Names of the boxes that scroll (src/quality/scroll-regions.ts): {name}, {n}.
				'scrollRegions.table': z.string().optional(),
				'scrollRegions.code': z.string().optional(),
				'scrollRegions.nth': z.string().optional(),
				'glossary.caption': z.string().optional(),
				'glossary.term': z.string().optional(),
				'glossary.meaning': z.string().optional(),
				'glossary.lesson': z.string().optional(),
				'glossary.rfcSeparator': z.string().optional(),
				'glossary.avoid': z.string().optional(),
				'glossary.listSeparator': z.string().optional(),
			}),
		}),
	}),
	// The one vocabulary, rendered by the glossary (src/glossary) and enforced on lessons (scripts/content).
	terms: defineCollection({
		loader: termsLoader({ file: 'content/terms/terms.yaml' }),
		schema: termSchema.extend({ order: z.number().int().nonnegative() }),
	}),
	// The owners' ads export, unchanged in format; see src/sponsors/README.md.
	sponsors: defineCollection({
		loader: sponsorsLoader({ file: 'content/sponsors/ads.json' }),
		schema: ({ image }) => sponsorEntrySchema(image),
	}),
};
