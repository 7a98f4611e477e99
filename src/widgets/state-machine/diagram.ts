/**
 * Figure 5 as hand-laid-out SVG, its arrows generated from the model's TRANSITIONS so the drawing
 * can never disagree with the engine. Like the RFC's figure, CLOSED appears twice: at the top
 * where connections start, and at the bottom where LAST-ACK and TIME-WAIT end.
 */
import { TRANSITIONS, type TcpState, type Transition } from '../../tcp';
import { escapeHtml } from '../text';

export type NodeId = TcpState | 'CLOSED-END';

export const BOX = { w: 128, h: 36 } as const;
const COL = [70, 220, 370] as const;
const ROW = (r: number) => 28 + r * 74;
export const SIZE = { w: 440, h: ROW(5) + 28 } as const;

export const NODES: Record<NodeId, { x: number; y: number }> = {
	CLOSED: { x: COL[1], y: ROW(0) },
	LISTEN: { x: COL[0], y: ROW(1) },
	'SYN-SENT': { x: COL[2], y: ROW(1) },
	'SYN-RECEIVED': { x: COL[0], y: ROW(2) },
	ESTABLISHED: { x: COL[1], y: ROW(2) },
	'FIN-WAIT-1': { x: COL[0], y: ROW(3) },
	'CLOSE-WAIT': { x: COL[2], y: ROW(3) },
	'FIN-WAIT-2': { x: COL[0], y: ROW(4) },
	CLOSING: { x: COL[1], y: ROW(4) },
	'LAST-ACK': { x: COL[2], y: ROW(4) },
	'TIME-WAIT': { x: COL[0], y: ROW(5) },
	'CLOSED-END': { x: COL[2], y: ROW(5) },
};

/** The node an arrow points at: the bottom CLOSED for the ends of a close, as in the RFC. */
export const targetNode = (t: Pick<Transition, 'from' | 'to'>): NodeId =>
	t.to === 'CLOSED' && (t.from === 'LAST-ACK' || t.from === 'TIME-WAIT') ? 'CLOSED-END' : t.to;

export interface Edge {
	index: number;
	transition: Transition;
	x1: number;
	y1: number;
	x2: number;
	y2: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Where the ray from a box's centre towards (dx, dy) leaves the box. */
const exit = (c: { x: number; y: number }, dx: number, dy: number, pad: number) => {
	const t = Math.min((BOX.w / 2 + pad) / Math.abs(dx || 1e-9), (BOX.h / 2 + pad) / Math.abs(dy || 1e-9));
	return { x: c.x + dx * t, y: c.y + dy * t };
};

/** One straight arrow per Figure 5 transition; a pair of opposite arrows is drawn side by side. */
export function edges(): Edge[] {
	return TRANSITIONS.map((transition, index) => {
		const a = NODES[transition.from];
		const b = NODES[targetNode(transition)];
		const back = TRANSITIONS.some((t) => t.from === transition.to && targetNode(t) === transition.from);
		const len = Math.hypot(b.x - a.x, b.y - a.y);
		// Shift a paired arrow 6 units to its own right, so the two never overlap.
		const off = back ? 6 : 0;
		const nx = (-(b.y - a.y) / len) * off;
		const ny = ((b.x - a.x) / len) * off;
		const p = exit(a, b.x - a.x, b.y - a.y, 1);
		const q = exit(b, a.x - b.x, a.y - b.y, 3);
		return { index, transition, x1: round(p.x + nx), y1: round(p.y + ny), x2: round(q.x + nx), y2: round(q.y + ny) };
	});
}


/**
 * The SVG markup. `id` prefixes the two arrowhead markers (`<id>-arrow`, `<id>-arrow-on` for the
 * last arrow taken; the stylesheet switches them). Nodes carry `data-node` (their state), arrows `data-edge` (their index in
 * TRANSITIONS); the client script marks the current node and the last arrow taken.
 */
export function diagramSvg(opts: { id: string; label: string; eventLabel: (t: Transition) => string; current: NodeId }): string {
	const marker = `${opts.id}-arrow`;
	const lines = edges()
		.map((e) => {
			const t = e.transition;
			const title = `${t.from} → ${t.to}: ${opts.eventLabel(t)}${t.send ? ` / ${t.send}` : ''}`;
			return `<g class="sm-edge" data-edge="${e.index}"><title>${escapeHtml(title)}</title><line x1="${e.x1}" y1="${e.y1}" x2="${e.x2}" y2="${e.y2}" marker-end="url(#${marker})"/></g>`;
		})
		.join('');
	const nodes = (Object.keys(NODES) as NodeId[])
		.map((id) => {
			const { x, y } = NODES[id];
			const state = id === 'CLOSED-END' ? 'CLOSED' : id;
			const cls = id === opts.current ? 'sm-node is-current' : 'sm-node';
			return (
				`<g class="${cls}" data-node="${id}" data-state="${state}">` +
				`<rect class="sm-ring" x="${x - BOX.w / 2 - 5}" y="${y - BOX.h / 2 - 5}" width="${BOX.w + 10}" height="${BOX.h + 10}" rx="12"/>` +
				`<rect class="sm-box" x="${x - BOX.w / 2}" y="${y - BOX.h / 2}" width="${BOX.w}" height="${BOX.h}" rx="8"/>` +
				`<text x="${x}" y="${y}" dominant-baseline="central" text-anchor="middle">${state}</text></g>`
			);
		})
		.join('');
	return (
		`<svg class="sm-svg" viewBox="0 0 ${SIZE.w} ${SIZE.h}" role="img" aria-label="${escapeHtml(opts.label)}">` +
		`<defs>${['', '-on'].map((v) => `<marker id="${marker}${v}" class="sm-marker${v}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto"><path d="M0 0L10 5L0 10z"/></marker>`).join('')}</defs>` +
		`${lines}${nodes}</svg>`
	);
}
