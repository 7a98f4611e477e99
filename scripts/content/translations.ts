/**
 * Translation status, from git history: for each lesson, the last commit that changed its zh-CN
 * file and the last that changed its English one, and which locale is behind. Lunaria (the tool the
 * Astro and Starlight docs use) reads the history; it skips commits whose message contains
 * "lunaria-ignore" or "fix typo", so a fix made to one locale alone need not mark the other behind.
 * Lunaria only asks whether translations trail the source; lessons here are written in both
 * directions, so the comparison below goes both ways.
 *
 *   npm run translations            prints the table
 *   npm run translations -- --check also exits 1 when a locale is behind or missing
 */
import { lunaria } from '@lunariajs/core';

export interface Change {
	date: string;
	hash: string;
	message: string;
}

export interface LessonStatus {
	lesson: string;
	zh?: Change;
	en?: Change;
	state: 'in step' | 'zh-CN behind' | 'en behind' | 'zh-CN missing' | 'en missing';
}

/** Which locale trails: the one whose last change is older than the other's. */
export function stateOf(zh: Change | undefined, en: Change | undefined): LessonStatus['state'] {
	if (!zh) return 'zh-CN missing';
	if (!en) return 'en missing';
	if (zh.hash === en.hash) return 'in step';
	const order = Date.parse(zh.date) - Date.parse(en.date);
	return order < 0 ? 'zh-CN behind' : order > 0 ? 'en behind' : 'in step';
}

export async function translationStatus(): Promise<LessonStatus[]> {
	const status = await lunaria({
		repository: { name: 'synack-tcp/synack' },
		defaultLocale: { label: '简体中文', lang: 'zh-CN' },
		locales: [{ label: 'English', lang: 'en' }],
		files: [{ location: 'content/docs/**/*.mdx', pattern: 'content/docs/@lang/@path', type: 'universal' }],
	});
	return status.map((entry) => {
		const change = (git: { lastMajorChange: string; lastMajorCommitHash: string; lastMajorCommitMessage: string } | undefined) =>
			git && { date: git.lastMajorChange, hash: git.lastMajorCommitHash, message: git.lastMajorCommitMessage };
		const zh = change(entry.sourceFile.git);
		const en = entry.localizations.en?.isMissing ? undefined : change(entry.localizations.en?.git);
		return { lesson: entry.sharedPath.replace(/^content\/docs\/|\.mdx$/g, ''), zh, en, state: stateOf(zh, en) };
	});
}

const cell = (c: Change | undefined) => (c ? `${c.date.slice(0, 10)} ${c.hash.slice(0, 7)} ${c.message.slice(0, 40)}` : '—');

export function formatStatus(rows: LessonStatus[]): string {
	const table = [['lesson', 'zh-CN: last change', 'en: last change', 'status'], ...rows.map((r) => [r.lesson, cell(r.zh), cell(r.en), r.state])];
	const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
	return table.map((row) => row.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

if (import.meta.main) {
	const rows = await translationStatus();
	console.log(formatStatus(rows));
	const behind = rows.filter((r) => r.state !== 'in step');
	console.log(
		behind.length
			? `\n${behind.length} lesson(s) need a look: ${behind.map((r) => `${r.lesson} (${r.state})`).join(', ')}`
			: `\nAll ${rows.length} lessons are in step.`,
	);
	if (process.argv.includes('--check') && behind.length) process.exitCode = 1;
}
