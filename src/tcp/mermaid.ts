import type { SendReason } from './endpoint.ts';
import type { Side } from './network.ts';
import { flagText } from './segment.ts';
import type { TcpState } from './states.ts';
import { otherSide, relativeNumbers, type Trace } from './trace.ts';

/** Human words, supplied by the caller from its locale files. */
export interface MermaidLabels {
	client: string;
	server: string;
	/** Appended to a lost segment's label, e.g. "✗". */
	lost: string;
	/** Note when the retransmission timer fires. */
	rto: string;
	/** Note when TIME-WAIT's 2×MSL timer expires. */
	timeWait: string;
	/** Appended to retransmitted segments' labels when given. */
	retransmit?: string;
	/** Appended to injected (old duplicate) segments' labels when given. */
	injected?: string;
}

export interface MermaidOptions {
	labels: MermaidLabels;
	/** 'relative' (default) counts from each side's ISN, as Wireshark does. */
	numbers?: 'relative' | 'absolute';
	accTitle?: string;
	accDescr?: string;
	/**
	 * Virtual time (ms) to start at: earlier events are left out and the diagram opens with
	 * both sides' states at that moment, e.g. a teardown without its handshake.
	 */
	fromMs?: number;
}

const ID: Record<Side, string> = { client: 'C', server: 'S' };

// ";" ends a Mermaid statement and "#" starts an entity code: write both as entity codes.
const clean = (text: string) => text.replace(/[#;]/g, (ch) => (ch === '#' ? '#35;' : '#59;')).replace(/\s+/g, ' ').trim();

/**
 * A Mermaid `sequenceDiagram` of a trace: one arrow per segment in arrival order
 * (lost ones as `-x`, drawn when sent), a note when a side's state changes
 * (one per stimulus, showing where it settled) and when a timer gives out.
 */
export function traceToMermaid(trace: Trace, opts: MermaidOptions): string {
	const { labels } = opts;
	const lines = ['sequenceDiagram'];
	if (opts.accTitle) lines.push(`accTitle: ${clean(opts.accTitle)}`);
	if (opts.accDescr) lines.push(`accDescr: ${clean(opts.accDescr)}`);
	lines.push(`participant C as ${clean(labels.client)}`, `participant S as ${clean(labels.server)}`);

	const pending = new Map<Side, TcpState>();
	const flush = () => {
		for (const [side, state] of pending) lines.push(`Note over ${ID[side]}: ${state}`);
		pending.clear();
	};
	const note = (side: Side, text: string) => {
		flush();
		lines.push(`Note over ${ID[side]}: ${clean(text)}`);
	};
	const why = new Map<number, SendReason>();
	const from = opts.fromMs ?? 0;
	const before = trace.events.filter((e) => e.t < from);
	const start = before.at(-1)?.states;
	if (start) {
		if (start.client === start.server) lines.push(`Note over C,S: ${start.client}`);
		else lines.push(`Note over C: ${start.client}`, `Note over S: ${start.server}`);
	}
	for (const e of before) if (e.kind === 'send') why.set(e.id, e.reason);

	for (const e of trace.events) {
		if (e.t < from) continue;
		if (e.kind === 'state') pending.set(e.side, e.to);
		else if (e.kind === 'send') why.set(e.id, e.reason);
		else if (e.kind === 'user-call') flush();
		else if (e.kind === 'timer-fire') {
			if (e.timer === 'delack') flush();
			else note(e.side, e.timer === 'rtx' ? labels.rto : labels.timeWait);
		} else if (e.kind === 'deliver' || e.kind === 'drop') {
			flush();
			const from = e.kind === 'drop' ? e.side : otherSide(e.side);
			const n = opts.numbers === 'absolute' ? e.seg : relativeNumbers(trace, from, e.seg);
			const reason = why.get(e.id);
			const text = [
				`${flagText(e.seg)} seq=${n.seq}`,
				e.seg.flags.ack && `ack=${n.ack}`,
				e.seg.len && `len=${e.seg.len}`,
				reason === 'retransmit' && labels.retransmit,
				reason === 'injected' && labels.injected,
				e.kind === 'drop' && labels.lost,
			]
				.filter(Boolean)
				.join(' ');
			lines.push(`${ID[from]}-${e.kind === 'drop' ? 'x' : '>>'}${ID[otherSide(from)]}: ${clean(text)}`);
		}
	}
	flush();
	return lines.join('\n');
}
