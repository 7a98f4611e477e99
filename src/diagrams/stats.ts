import { appendFileSync } from 'node:fs';

export interface DiagramStat {
	/** `render`: one theme of one diagram drawn by Mermaid; `cache-hit`: a diagram served from the disk cache; `browser`: Chromium started. */
	event: 'render' | 'cache-hit' | 'browser';
	ms: number;
	/** The diagram's render id (`m<key>` plus the theme's initial for renders). */
	id?: string;
}

/**
 * Opt-in timing for the build benchmark: when `SYNACK_DIAGRAM_STATS=<file>` is set, appends one
 * JSON line per event to that file. Does nothing otherwise.
 */
export function recordStat(stat: DiagramStat): void {
	const file = process.env.SYNACK_DIAGRAM_STATS;
	if (file) appendFileSync(file, `${JSON.stringify({ ...stat, ms: Math.round(stat.ms * 10) / 10 })}\n`);
}
