/** @pagefind/default-ui ships no types; this is the part Starlight's search and pagefind-ui.ts use. */
declare module '@pagefind/default-ui' {
	export class PagefindUI {
		constructor(options: Record<string, unknown> & { element: string });
	}
}
