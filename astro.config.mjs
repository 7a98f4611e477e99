// @ts-check
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import starlightLinksValidator from 'starlight-links-validator';
import { closeRenderer } from './src/diagrams/index.ts';
import { rehypeDiagrams } from './src/diagrams/rehype-diagrams.ts';
import { cspConfig } from './src/quality/csp.ts';
import { socialMeta, wholeFirstFrame } from './src/quality/head.ts';
import { expressiveCodeScrollRegions, rehypeScrollRegions } from './src/quality/scroll-regions.ts';
import quality from './src/quality/integration.ts';
// The UI strings Starlight takes from its config, from the same per-locale files as its UI translations.
import enUi from './content/i18n/en.json' with { type: 'json' };
import zhUi from './content/i18n/zh-CN.json' with { type: 'json' };

/** Where the site is served from; override for another host or a sub-path (see README). */
const site = process.env.SITE_URL ?? 'https://synack.pages.dev';
const base = process.env.BASE_PATH ?? '/';
const repository = process.env.REPOSITORY_URL ?? 'https://github.com/synack-tcp/synack';

/** Closes the diagram renderer's browser once every page is built, so the build can exit. */
const diagramRenderer = {
	name: 'synack-diagram-renderer',
	hooks: { 'astro:build:done': closeRenderer },
};

export default defineConfig({
	site,
	base,
	trailingSlash: 'always',
	// Where `npm run test:base` builds the base-path variant, so it never clobbers dist/.
	outDir: process.env.OUT_DIR ?? './dist',
	// Strict CSP: no inline script runs unless hashed (src/quality/csp.ts).
	security: { csp: cspConfig(import.meta.dirname) },
	// Starlight reads lessons from `<srcDir>/content/docs`: this keeps them in the top-level content/.
	srcDir: '.',
	markdown: {
		// Tables and code blocks that can scroll are focusable and named (scroll-regions.ts).
		processor: unified({ rehypePlugins: [rehypeDiagrams, rehypeScrollRegions] }),
		syntaxHighlight: { type: 'shiki', excludeLangs: ['mermaid'] },
	},
	integrations: [
		starlight({
			title: { 'zh-CN': zhUi['site.title'], en: enUi['site.title'] },
			// The default locale's; src/quality/route-head.ts gives a page without its own its locale's.
			description: zhUi['site.description'],
			defaultLocale: 'root',
			locales: {
				root: { label: '简体中文', lang: 'zh-CN' },
				en: { label: 'English', lang: 'en' },
			},
			lastUpdated: true,
			editLink: { baseUrl: `${repository}/edit/main/` },
			social: [{ icon: 'github', label: 'GitHub', href: repository }],
			customCss: ['./src/styles/page-frame.css', './src/styles/content.css', './src/styles/diagrams.css'],
			expressiveCode: { plugins: [expressiveCodeScrollRegions()] },
			head: [...wholeFirstFrame(), ...socialMeta({ site, base })],
			routeMiddleware: './src/quality/route-head.ts',
			plugins: [starlightLinksValidator({ errorOnRelativeLinks: false, errorOnInconsistentLocale: true })],
			components: {
				// Starlight's search with its button's accessible name fixed (axe: label-content-name-mismatch).
				Search: './src/quality/Search.astro',
				// Sponsor blocks under the table of contents; blocks on narrow screens and the footer banner.
				PageSidebar: './src/sponsors/PageSidebar.astro',
				Footer: './src/sponsors/Footer.astro',
				// The lesson, then its self-check questions from the front matter's `quiz`.
				MarkdownContent: './src/widgets/selfcheck/MarkdownContent.astro',
				// Starlight's tables of contents with a script that reads only their headings (src/toc).
				TableOfContents: './src/toc/TableOfContents.astro',
				MobileTableOfContents: './src/toc/MobileTableOfContents.astro',
			},
			sidebar: [
				{
					label: zhUi['sidebar.lessons'],
					translations: { en: enUi['sidebar.lessons'] },
					items: [
						'overview',
						'sequence-numbers',
						'sequence-space',
						'handshake',
						'why-three',
						'teardown',
						'why-four',
						'time-wait',
						'failures',
						'state-machine',
						'real-capture',
					],
				},
				{
					label: zhUi['sidebar.production'],
					translations: { en: enUi['sidebar.production'] },
					items: ['listen-queues', 'time-wait-close-wait', 'dead-peer', 'resets'],
				},
				{
					label: zhUi['sidebar.reference'],
					translations: { en: enUi['sidebar.reference'] },
					items: ['questions', 'glossary'],
				},
			],
		}),
		diagramRenderer,
		quality(),
	],
});
