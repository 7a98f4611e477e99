/**
 * Stands in for Pagefind's search UI (@pagefind/default-ui) in Starlight's search script, which
 * imports and builds it on every page as soon as the page is idle: ≈ 26 KB gzipped of JavaScript
 * run before the reader has done anything, most of a plain lesson's JavaScript. vite-plugin.ts
 * points Starlight's import here. Starlight constructs this class with the options it always passes
 * (translations, base path, trailing slashes); the real UI is fetched and built with them on the
 * reader's first move toward search: the pointer over or down on the search button, focus on it,
 * or the dialog opening (a click, Ctrl/⌘ K, `/`). Nothing else of Starlight's search changes.
 */
type Options = Record<string, unknown> & { element: string };

/** Moves on the search button that announce a search; the dialog opening is one too. */
const TOWARD_SEARCH = ['pointerenter', 'pointerdown', 'focus'] as const;

/** Waits before fetching the UI again for a reader in the open dialog when a fetch failed. */
const RETRY_MS = [250, 1000, 4000];

export class PagefindUI {
	constructor(options: Options) {
		const container = document.querySelector(options.element);
		const dialog = container?.closest('dialog');
		const button = container?.closest('site-search')?.querySelector('button[data-open-modal]');
		if (!dialog || !button) throw new Error(`search: ${options.element} is not in Starlight's search dialog`);

		let loading: Promise<void> | undefined;
		let retries = 0;
		const opened = new MutationObserver(() => dialog.open && load());
		const stop = () => {
			for (const type of TOWARD_SEARCH) button.removeEventListener(type, load);
			opened.disconnect();
		};
		const load = () => {
			// Resolved to the real package by vite-plugin.ts, as Starlight's own import would be.
			loading ??= import('@pagefind/default-ui').then(
				({ PagefindUI: Ui }) => {
					stop();
					// Opened before the UI arrived: Starlight found no input to focus, so the UI takes it.
					new Ui({ ...options, autofocus: dialog.open });
				},
				(error: unknown) => {
					loading = undefined; // the next move tries again
					console.error('search: Pagefind UI did not load', error);
					// A reader already in the open dialog has made their move and waits for a field
					// to type in: try again for them, a few times, further apart each time.
					const delay = RETRY_MS[retries++];
					if (delay !== undefined) setTimeout(() => dialog.open && load(), delay);
				},
			);
		};
		for (const type of TOWARD_SEARCH) button.addEventListener(type, load, { passive: true });
		opened.observe(dialog, { attributeFilter: ['open'] });
		// Starlight builds this once the page is idle; a reader quicker than that (a busy phone, a
		// click right after load) has already opened the dialog, which no observer would see again.
		if (dialog.open) load();
	}
}
