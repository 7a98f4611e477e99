// Which of the model's scenarios a compared connection shows, read off the model's run of it.
import type { Trace } from '../tcp/index.ts';

/**
 * What the run shows, the most telling first: a refused or simultaneous open, an abort, a full
 * accept queue, keep-alive probes, a simultaneous close, a reopened TIME-WAIT, then the first
 * segment lost, then how the connection closed. The name of a model scenario (src/tcp SCENARIO_NAMES, MORE_SCENARIO_NAMES)
 * where one tells that story, else one in the same style ('keepalive', 'vanished-peer').
 */
export function describeRun(trace: Trace): string {
	const sends = trace.events.flatMap((e) => (e.kind === 'send' && e.reason !== 'injected' ? [e] : []));
	const reached = (state: string) => trace.events.some((e) => e.kind === 'state' && e.to === state);
	if (sends.some((e) => e.reason === 'rst-no-connection' && e.side === 'server' && e.seg.flags.ack) && !reached('ESTABLISHED')) return 'refused';
	if (sends.some((e) => e.side === 'server' && e.seg.flags.syn && !e.seg.flags.ack)) return 'simultaneous-open';
	if (sends.some((e) => e.reason === 'rst-abort')) return 'abort';
	// A listener that resets a handshake's ACK, or lets a SYN pass unanswered, has its accept queue full.
	if (sends.some((e) => e.reason === 'rst-overflow')) return 'accept-overflow-abort';
	const ignoredSyn = (e: Trace['events'][number]) => e.kind === 'deliver' && e.seg.flags.syn && !e.seg.flags.ack && e.before[e.side] === 'LISTEN' && e.states[e.side] === 'LISTEN';
	if (trace.events.some(ignoredSyn)) return 'accept-overflow';
	if (sends.some((e) => e.reason === 'rst-keepalive')) return 'keepalive-unanswered';
	if (sends.some((e) => e.reason === 'keepalive')) return 'keepalive';
	if (reached('CLOSING')) return 'simultaneous-close';
	const synsFrom = (side: string) => new Set(sends.filter((e) => e.side === side && e.seg.flags.syn && !e.seg.flags.ack).map((e) => e.seg.seq));
	if (synsFrom('client').size > 1 && trace.events.some((e) => e.kind === 'state' && e.from === 'TIME-WAIT' && e.event === 'rcv-syn')) return 'time-wait-new-syn';
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
		const gaveUp = trace.events.some((e) => e.kind === 'state' && e.side === lost.side && e.event === 'timeout-retries');
		if (lost.seg.len) return gaveUp || trace.events.filter((e) => e.kind === 'drop' && e.side === lost.side).length > 2 ? 'vanished-peer' : 'lost-data';
	}
	const fins = sends.filter((e) => e.seg.flags.fin && e.reason === 'fin');
	if (!fins.length) return 'handshake';
	const acks = sends.filter((e) => e.seg.flags.ack && !e.seg.flags.fin && !e.seg.len && e.t >= fins[0]!.t);
	const second = fins.find((e) => e.side !== fins[0]!.side);
	if (second && !acks.some((e) => e.side === second.side && e.t <= second.t)) return 'teardown-fin-ack';
	if (sends.some((e) => e.seg.len && e.side !== fins[0]!.side && e.t > fins[0]!.t)) return 'half-close';
	return 'teardown';
}
