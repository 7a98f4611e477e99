/**
 * Points Starlight's import of Pagefind's search UI at pagefind-ui.ts, which loads the real UI on
 * the reader's first move toward search instead of on every page once idle. pagefind-ui.ts imports
 * the same specifier and gets the real package, resolved from Starlight's script as Starlight's own
 * import would have been. Starlight's script also imports the stand-in statically, so that it comes
 * in the script's own chunk: an import that needs no second fetch is one that cannot fail, and a
 * failed one there would leave the search dead until a reload. A client build in which Starlight no
 * longer imports the UI fails: the override would silently do nothing.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const PAGEFIND_UI = '@pagefind/default-ui';
export const STAND_IN = fileURLToPath(new URL('./pagefind-ui.ts', import.meta.url));

const withoutQuery = (id: string) => id.replace(/\?.*$/, '');
const DYNAMIC_IMPORT = /\bimport\(\s*(['"])@pagefind\/default-ui\1\s*\)/;

export function lazySearchPlugin(): Plugin {
	let starlightSearch: string | undefined;
	return {
		name: 'synack-lazy-search',
		enforce: 'pre',
		async resolveId(id, importer, options) {
			if (id !== PAGEFIND_UI || !importer) return null;
			if (withoutQuery(importer) !== STAND_IN) {
				starlightSearch = importer;
				return STAND_IN;
			}
			return this.resolve(id, starlightSearch ?? importer, { ...options, skipSelf: true });
		},
		transform(code, id) {
			if (withoutQuery(id) === STAND_IN || !DYNAMIC_IMPORT.test(code)) return null;
			return { code: `import '${PAGEFIND_UI}';\n${code}`, map: null };
		},
		buildEnd(error) {
			if (error || (this as { environment?: { name: string } }).environment?.name !== 'client') return;
			if (!starlightSearch) {
				this.error(`src/search/vite-plugin.ts: nothing imported ${PAGEFIND_UI} in the client build; Starlight's search changed, update src/search`);
			}
		},
	};
}
