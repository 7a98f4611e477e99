import { describe, expect, it } from 'vitest';
import { lazySearchPlugin, STAND_IN } from './vite-plugin';

const STARLIGHT = '/site/node_modules/@astrojs/starlight/dist/components/Search.astro?astro&type=script&index=0&lang.ts';

/** The plugin's hooks with a stand-in for Rollup's context: resolve() and error() are recorded. */
function plugin(environment = 'client') {
	const calls: { resolve: unknown[][]; errors: string[] } = { resolve: [], errors: [] };
	const context = {
		environment: { name: environment },
		resolve: async (...args: unknown[]) => {
			calls.resolve.push(args);
			return { id: '/site/node_modules/@pagefind/default-ui/npm_dist/mjs/ui-core.mjs' };
		},
		error: (message: string) => {
			calls.errors.push(message);
		},
	};
	const { resolveId, transform, buildEnd } = lazySearchPlugin() as unknown as {
		resolveId: (this: typeof context, id: string, importer?: string, options?: object) => Promise<unknown>;
		transform: (this: typeof context, code: string, id: string) => unknown;
		buildEnd: (this: typeof context, error?: Error) => void;
	};
	return {
		calls,
		transform: (code: string, id: string) => transform.call(context, code, id),
		resolveId: (id: string, importer?: string) => resolveId.call(context, id, importer, {}),
		buildEnd: (error?: Error) => buildEnd.call(context, error),
	};
}

describe('lazySearchPlugin', () => {
	it("points Starlight's import of Pagefind's UI at the stand-in", async () => {
		const { resolveId } = plugin();
		expect(await resolveId('@pagefind/default-ui', STARLIGHT)).toBe(STAND_IN);
	});

	it("gives the stand-in the real package, resolved from Starlight's script", async () => {
		const { resolveId, calls } = plugin();
		await resolveId('@pagefind/default-ui', STARLIGHT);
		expect(await resolveId('@pagefind/default-ui', `${STAND_IN}?v=1`)).toEqual({ id: '/site/node_modules/@pagefind/default-ui/npm_dist/mjs/ui-core.mjs' });
		expect(calls.resolve).toEqual([['@pagefind/default-ui', STARLIGHT, { skipSelf: true }]]);
	});

	it("imports the stand-in statically in Starlight's script, so that it comes in that script's chunk", () => {
		const { transform } = plugin();
		const starlight = "onIdle(async () => {\n\tconst { PagefindUI } = await import('@pagefind/default-ui');\n});";
		expect(transform(starlight, STARLIGHT)).toEqual({
			code: "import '@pagefind/default-ui';\nonIdle(async () => {\n\tconst { PagefindUI } = await import('@pagefind/default-ui');\n});",
			map: null,
		});
		expect(transform("const ui = import(\"@pagefind/default-ui\");", STARLIGHT)).toEqual({
			code: "import '@pagefind/default-ui';\nconst ui = import(\"@pagefind/default-ui\");",
			map: null,
		});
		// The stand-in's own import stays dynamic: the real UI is what waits for the reader's move.
		expect(transform("import('@pagefind/default-ui')", `${STAND_IN}?v=1`)).toBeNull();
		expect(transform("import('@pagefind/default-ui/css/ui.css')", STARLIGHT)).toBeNull();
		expect(transform("import '@pagefind/default-ui';", '/site/src/other.ts')).toBeNull();
	});

	it('leaves every other import alone', async () => {
		const { resolveId } = plugin();
		expect(await resolveId('@pagefind/default-ui/css/ui.css', STARLIGHT)).toBeNull();
		expect(await resolveId('astro', STARLIGHT)).toBeNull();
		expect(await resolveId('@pagefind/default-ui')).toBeNull();
	});

	it('fails a client build in which nothing imported the UI, and only that', async () => {
		const idle = plugin();
		idle.buildEnd();
		expect(idle.calls.errors).toEqual([
			"src/search/vite-plugin.ts: nothing imported @pagefind/default-ui in the client build; Starlight's search changed, update src/search",
		]);
		const server = plugin('ssr');
		server.buildEnd();
		expect(server.calls.errors).toEqual([]);
		const redirected = plugin();
		await redirected.resolveId('@pagefind/default-ui', STARLIGHT);
		redirected.buildEnd();
		expect(redirected.calls.errors).toEqual([]);
	});
});
