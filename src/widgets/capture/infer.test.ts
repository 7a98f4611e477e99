import { describe, expect, it } from 'vitest';
import { runScenario, traceSteps, type Side, type TraceEvent } from '../../tcp';
import { inferStates, type ObservedSegment } from './infer';

/** The segments a model scenario put on the wire, in arrival order, as an observer would see them. */
function wire(name: string): ObservedSegment[] {
	const trace = runScenario(name);
	return trace.events.flatMap((e: TraceEvent) => {
		if (e.kind !== 'deliver') return [];
		const from: Side = e.side === 'client' ? 'server' : 'client';
		const { flags, seq, ack, len } = e.seg;
		return [{ from, syn: flags.syn, ack: flags.ack, fin: flags.fin, rst: flags.rst, seq, ackNumber: ack, len }];
	});
}

describe('inferStates', () => {
	// Scenarios without loss or injected segments: what the wire shows is all that happened.
	// Not 'simultaneous-close': its FINs cross, and an observer reading them in the order seen takes
	// the second for an answer to the first (see the next test).
	it.each(['handshake', 'teardown', 'teardown-fin-ack', 'half-close', 'refused', 'simultaneous-open'])(
		'%s: walking Figure 5 from the wire gives the model’s states',
		(name) => {
			const steps = traceSteps(runScenario(name));
			const inferred = inferStates(wire(name));
			expect(inferred.steps.map((s) => s.states)).toEqual(steps.map((s) => ({ client: s.clientState, server: s.serverState })));
			expect(inferred.steps.some((s) => s.unexplained)).toBe(false);
		},
	);

	it('reads crossing FINs in the order seen: an honest limit of inferring from one vantage point', () => {
		const last = inferStates(wire('simultaneous-close')).steps.at(-1);
		expect(last?.states).toEqual({ client: 'TIME-WAIT', server: 'CLOSED' });
	});

	it('names the events it applied', () => {
		const [syn] = inferStates(wire('handshake')).steps;
		expect(syn?.events).toEqual([
			{ side: 'client', event: 'active-open', from: 'CLOSED', to: 'SYN-SENT' },
			{ side: 'server', event: 'rcv-syn', from: 'LISTEN', to: 'SYN-RECEIVED' },
		]);
	});

	it('starts both ends ESTABLISHED when the capture began mid-connection', () => {
		const fin: ObservedSegment = { from: 'client', syn: false, ack: true, fin: true, rst: false, seq: 10, ackNumber: 20, len: 0 };
		const { initial, steps } = inferStates([fin], false);
		expect(initial).toEqual({ client: 'ESTABLISHED', server: 'ESTABLISHED' });
		expect(steps[0]?.states).toEqual({ client: 'FIN-WAIT-1', server: 'CLOSE-WAIT' });
	});

	it('a RST closes both ends of a synchronized connection', () => {
		const segs = wire('handshake');
		const rst: ObservedSegment = { from: 'server', syn: false, ack: false, fin: false, rst: true, seq: 301, ackNumber: 0, len: 0 };
		expect(inferStates([...segs, rst]).steps.at(-1)?.states).toEqual({ client: 'CLOSED', server: 'CLOSED' });
	});

	it('flags a segment that matches no arrow and leaves the states alone', () => {
		const synAck: ObservedSegment = { from: 'server', syn: true, ack: true, fin: false, rst: false, seq: 300, ackNumber: 101, len: 0 };
		const fin: ObservedSegment = { from: 'server', syn: false, ack: true, fin: true, rst: false, seq: 301, ackNumber: 101, len: 0 };
		// A FIN from a server still in SYN-RECEIVED is a CLOSE there (→ FIN-WAIT-1), but the client,
		// never having sent a SYN here, is CLOSED and cannot take it.
		const { steps } = inferStates([synAck, fin]);
		expect(steps.some((s) => s.unexplained)).toBe(true);
	});
});
