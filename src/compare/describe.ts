// Which of the model's scenarios a compared connection shows, read off the model's run of it.
import type { Trace } from '../tcp/index.ts';

/**
 * The scenario's name (src/tcp SCENARIO_NAMES and MORE_SCENARIO_NAMES) for what the run shows, the
 * most telling first: a refused or simultaneous open, an abort, a simultaneous close, then the
 * first segment lost, then how the connection closed.
 */
export function describeRun(trace: Trace): string {
	const sends = trace.events.flatMap((e) => (e.kind === 'send' && e.reason !== 'injected' ? [e] : []));
	const reached = (state: string) => trace.events.some((e) => e.kind === 'state' && e.to === state);
	if (sends.some((e) => e.reason === 'rst-no-connection' && e.side === 'server' && e.seg.flags.ack) && !reached('ESTABLISHED')) return 'refused';
	if (sends.some((e) => e.side === 'server' && e.seg.flags.syn && !e.seg.flags.ack)) return 'simultaneous-open';
	if (sends.some((e) => e.reason === 'rst-abort')) return 'abort';
	if (reached('CLOSING')) return 'simultaneous-close';
	const lost = trace.events.find((e) => e.kind === 'drop');
	if (lost?.kind === 'drop') {
		const f = lost.seg.flags;
		if (f.syn) return f.ack ? 'lost-syn-ack' : 'lost-syn';
		if (f.fin) return 'lost-fin';
		const late = trace.events.some((e) => e.kind === 'state' && e.t <= lost.t && e.to === 'TIME-WAIT');
		if (f.ack && !lost.seg.len && late) return 'lost-final-ack';
		// The handshake's ACK: did the client's next segment bring data (and so the same acknowledgment)?
		const next = sends.find((e) => e.side === lost.side && e.id > lost.id);
		if (f.ack && !lost.seg.len) return next?.seg.len ? 'lost-ack-then-data' : 'lost-ack';
	}
	const fins = sends.filter((e) => e.seg.flags.fin && e.reason === 'fin');
	if (!fins.length) return 'handshake';
	const acks = sends.filter((e) => e.seg.flags.ack && !e.seg.flags.fin && !e.seg.len && e.t >= fins[0]!.t);
	const second = fins.find((e) => e.side !== fins[0]!.side);
	if (second && !acks.some((e) => e.side === second.side && e.t <= second.t)) return 'teardown-fin-ack';
	if (sends.some((e) => e.seg.len && e.side !== fins[0]!.side && e.t > fins[0]!.t)) return 'half-close';
	return 'teardown';
}
