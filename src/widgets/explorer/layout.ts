/**
 * Where everything of the ladder (time-sequence) diagram goes: pure geometry in SVG user units,
 * shared by the server render and the client, so both draw the same picture. Time runs down;
 * short gaps are drawn to scale (a segment's slope is its one-way delay), long ones are compressed
 * and marked with a break, so a 60 s TIME-WAIT does not push everything off the screen.
 */
import { SIDES, type Side } from '../../tcp/network';
import type { ExplorerRun, ExplorerStep, Moment, TimerSpan } from './run';

export const LADDER = {
	width: 320,
	x: { client: 92, server: 228 } as Readonly<Record<Side, number>>,
	/** Actor boxes, then the starting states, then the first moment. */
	actorHeight: 26,
	startY: 42,
	firstY: 66,
	foot: 22,
	font: 11,
	line: 13,
	/** Between two deliveries to one side in the same millisecond. */
	sameTime: 20,
	/** Never closer than this, so that two segments sent 10 ms apart do not share a point. */
	minGap: 18,
	/** Up to this gap (ms) time is drawn to scale; longer gaps are compressed. */
	linearMs: 100,
	pxPerMs: 1.3,
	/** Gaps longer than this are marked as broken. */
	breakMs: 250,
	/** Notes stand this far outside their lifeline, brackets half as far. */
	noteGap: 9,
} as const;

export interface Box {
	x: number;
	y: number;
	w: number;
	h: number;
}

export interface ArrowLayout {
	x1: number;
	y1: number;
	x2: number;
	y2: number;
	/** A lost segment's arrow ends here, in a cross. */
	lost: boolean;
	label: Box & { lines: string[] };
}

/** Text beside a lifeline: a state the side enters, or a timer's label. */
export interface NoteLayout {
	side: Side;
	kind: 'state' | 'timer';
	/** The anchor: the note's edge nearest its lifeline. */
	x: number;
	/** Top of the first line. */
	y: number;
	lines: string[];
	/** Shown from this many revealed steps on. */
	from: number;
	/** TIME-WAIT's label, which its countdown rewrites. */
	timeWait?: true;
}

export interface BracketLayout {
	side: Side;
	kind: TimerSpan['timer'];
	x: number;
	y1: number;
	y2: number;
	from: number;
}

export interface LadderLayout {
	width: number;
	height: number;
	/** Lifelines run from under the actor boxes down to here. */
	lifeBottom: number;
	arrows: ArrowLayout[];
	notes: NoteLayout[];
	/** A dot on the lifeline where a side changes state. */
	dots: Array<{ side: Side; y: number; from: number }>;
	brackets: BracketLayout[];
	/** Where time was compressed: a break across both lifelines. */
	breaks: Array<{ y: number; from: number }>;
}

export interface LadderText {
	/** A segment's label, one string per line. */
	arrow(step: ExplorerStep): string[];
	/** An expired retransmission timer's or TIME-WAIT's label. */
	timer(span: TimerSpan): string[];
}

const key = (m: Moment) => `${m.t}:${m.k}`;
const compare = (a: Moment, b: Moment) => a.t - b.t || a.k - b.k;
const later = (a: Moment, b: Moment) => (compare(a, b) >= 0 ? a : b);

/** Drawn length of a gap of `ms` between two moments: to scale while short, then growing with its logarithm. */
export function gapPx(ms: number): number {
	const { linearMs, pxPerMs, minGap } = LADDER;
	if (ms <= linearMs) return Math.max(minGap, ms * pxPerMs);
	return linearMs * pxPerMs + 12 * Math.log2(ms / linearMs);
}

/** Width of a line of label text: Latin in the monospace font, CJK a full em. */
export function textWidth(text: string, font: number = LADDER.font): number {
	let w = 0;
	for (const ch of text) w += ch.codePointAt(0)! >= 0x2e80 ? font : font * 0.62;
	return w;
}

const overlap = (a: Box, b: Box) =>
	Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));

/** Where along its arrow a label may sit (fraction from the sender) and whether on, above or below the line. */
const SPOTS: ReadonlyArray<[number, -1 | 0 | 1]> = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74].flatMap((f) => [
	[f, -1],
	[f, 1],
	[f, 0],
]);

/**
 * Lays the run out. Labels go at the first spot along their arrow that overlaps no label placed
 * before; where none is free (segments crossing in flight), the gap before that arrow's arrival is
 * stretched and the layout tried again.
 */
export function ladderLayout(run: ExplorerRun, text: LadderText): LadderLayout {
	const stretch = new Map<string, number>();
	for (let attempt = 0; ; attempt++) {
		const { layout, crowded } = tryLayout(run, text, stretch);
		if (!crowded.length || attempt === 20) return layout;
		for (const m of crowded) stretch.set(key(m), (stretch.get(key(m)) ?? 0) + 2 * LADDER.line);
	}
}

function tryLayout(run: ExplorerRun, text: LadderText, stretch: ReadonlyMap<string, number>): { layout: LadderLayout; crowded: Moment[] } {
	const { x: X, line, noteGap } = LADDER;
	// Nothing is drawn above the first segment sent (a timer started earlier starts there).
	const first = run.steps.map((s) => s.sent).sort(compare)[0] ?? { t: 0, k: 0 };
	const clamp = (m: Moment) => later(m, first);

	// Every moment something is drawn at, top to bottom, and its y.
	const moments = [
		...run.steps.flatMap((s) => [s.sent, s.at]),
		...run.changes.map((c) => c.at),
		...run.timers.flatMap((s) => [s.start, s.end]),
	]
		.map(clamp)
		.sort(compare);
	const ys = new Map<string, number>();
	const breaks: Array<{ y: number; at: Moment }> = [];
	let y: number = LADDER.firstY;
	let prev: Moment | null = null;
	for (const m of moments) {
		if (ys.has(key(m))) continue;
		if (prev) {
			const gap = m.t - prev.t;
			const dy = (gap === 0 ? LADDER.sameTime : gapPx(gap)) + (stretch.get(key(m)) ?? 0);
			if (gap > LADDER.breakMs) breaks.push({ y: y + dy / 2, at: m });
			y += dy;
		}
		ys.set(key(m), y);
		prev = m;
	}
	const yOf = (m: Moment) => ys.get(key(clamp(m)))!;

	// Step i (1-based) shows what happened up to the latest arrival among the first i segments.
	const reach: Moment[] = [];
	for (const s of run.steps) reach.push(reach.length ? later(reach.at(-1)!, s.at) : s.at);
	const fromOf = (m: Moment) => {
		const i = reach.findIndex((r) => compare(m, r) <= 0);
		return i === -1 ? run.steps.length : i + 1;
	};

	// Segment labels: the first spot along the arrow that overlaps no label placed before it.
	const placed: Box[] = [];
	const crowded: Moment[] = [];
	const arrows = run.steps.map((s): ArrowLayout => {
		const to = s.from === 'client' ? 'server' : 'client';
		const x1 = X[s.from];
		const y1 = yOf(s.sent);
		// A lost segment's arrow stops half-way, where the network lost it.
		const reachTo = s.lost ? 0.55 : 1;
		const x2 = x1 + (X[to] - x1) * reachTo;
		const y2 = y1 + (yOf(s.at) - y1) * reachTo;
		const lines = text.arrow(s);
		const w = Math.ceil(Math.max(...lines.map((l) => textWidth(l)))) + 6;
		const h = lines.length * line + 2;
		const boxes = SPOTS.map(([f, side]) => {
			const cx = x1 + (x2 - x1) * f;
			const cy = y1 + (y2 - y1) * f;
			return { x: cx - w / 2, y: cy - h / 2 + side * (h / 2 + 3), w, h };
		}).filter((b) => b.x >= X.client + 3 && b.x + b.w <= X.server - 3);
		const spare = boxes.length ? boxes : [{ x: (X.client + X.server - w) / 2, y: (y1 + y2 - h) / 2, w, h }];
		const clash = (b: Box) => placed.reduce((sum, p) => sum + overlap(b, p), 0);
		const free = spare.find((b) => clash(b) === 0);
		if (!free) crowded.push(s.at);
		const best = free ?? spare.reduce((a, b) => (clash(b) < clash(a) ? b : a));
		placed.push(best);
		return { x1, y1, x2, y2, lost: s.lost, label: { ...best, lines } };
	});

	// Notes beside each lifeline, pushed down where they would overlap the one above.
	const outside = (side: Side) => X[side] + (side === 'client' ? -noteGap : noteGap);
	const notes: NoteLayout[] = [];
	const dots: LadderLayout['dots'] = [];
	for (const side of SIDES) {
		const wanted: NoteLayout[] = [{ side, kind: 'state', x: outside(side), y: LADDER.startY - line / 2, lines: [run.start[side]], from: 0 }];
		for (const c of run.changes.filter((c) => c.side === side)) {
			const from = fromOf(c.at);
			wanted.push({ side, kind: 'state', x: outside(side), y: yOf(c.at) - line / 2, lines: [c.to], from });
			dots.push({ side, y: yOf(c.at), from });
		}
		for (const span of run.timers.filter((s) => s.side === side)) {
			const lines = text.timer(span);
			const mid = (yOf(span.start) + yOf(span.end)) / 2;
			const note: NoteLayout = { side, kind: 'timer', x: outside(side), y: mid - (lines.length * line) / 2, lines, from: fromOf(span.end) };
			wanted.push(span.timer === 'time-wait' ? { ...note, timeWait: true } : note);
		}
		let bottom = -Infinity;
		for (const n of wanted.sort((a, b) => a.y - b.y)) {
			n.y = Math.max(n.y, bottom);
			bottom = n.y + n.lines.length * line;
			notes.push(n);
		}
	}

	const brackets = run.timers.map((s) => ({
		side: s.side,
		kind: s.timer,
		x: X[s.side] + (s.side === 'client' ? -noteGap / 2 : noteGap / 2),
		y1: yOf(s.start),
		y2: yOf(s.end),
		from: fromOf(s.end),
	}));

	const lowest = Math.max(y, ...notes.map((n) => n.y + n.lines.length * line), ...placed.map((b) => b.y + b.h));
	const layout = {
		width: LADDER.width,
		height: Math.ceil(lowest + LADDER.foot),
		lifeBottom: Math.ceil(lowest + LADDER.foot / 2),
		arrows,
		notes,
		dots,
		brackets,
		breaks: breaks.map((b) => ({ y: b.y, from: fromOf(b.at) })),
	};
	return { layout, crowded };
}
