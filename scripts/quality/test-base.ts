/**
 * The site built for a sub-path (base `/synack/`, as on GitHub Pages project sites) into
 * dist-base/, leaving dist/ alone, then the checks a base path can break against it: budgets,
 * links (assets, fragments, both locales) and the end-to-end specs `site` (links, assets, search,
 * language picker) and `every-page` (every page under the CSP with no failed request or console
 * error, every lesson rendered, sponsors), served by serve.ts under the base path. Stops at the
 * first step that fails, with its exit code.
 *
 * Usage: npm run test:base   (BASE_E2E_ARGS= (empty) runs the whole end-to-end suite; BASE_PORT
 * the test server's port, default 4329)
 */
import { spawnSync } from 'node:child_process';

export const BASE_SPECS = ['e2e/site.spec.ts', 'e2e/every-page.spec.ts'];

export interface Step {
	command: string;
	args: string[];
	/** Standard output dropped (errors still show). */
	quiet?: boolean;
}

export function baseRun(env: NodeJS.ProcessEnv): { env: Record<string, string>; steps: Step[] } {
	const e2e = env.BASE_E2E_ARGS === undefined ? BASE_SPECS : env.BASE_E2E_ARGS.split(/\s+/).filter(Boolean);
	return {
		env: { BASE_PATH: '/synack/', OUT_DIR: './dist-base', PORT: env.BASE_PORT || '4329' },
		steps: [
			{ command: 'astro', args: ['build'] },
			{ command: 'node', args: ['scripts/quality/budgets.ts'], quiet: true },
			{ command: 'node', args: ['scripts/quality/links.ts'] },
			{ command: 'playwright', args: ['test', ...e2e] },
		],
	};
}

if (import.meta.main) {
	const { env, steps } = baseRun(process.env);
	for (const { command, args, quiet } of steps) {
		const { status, error } = spawnSync(command, args, {
			stdio: ['inherit', quiet ? 'ignore' : 'inherit', 'inherit'],
			env: { ...process.env, ...env },
			cwd: `${import.meta.dirname}/../..`,
		});
		if (error) throw error;
		if (status !== 0) process.exit(status ?? 1);
	}
}
