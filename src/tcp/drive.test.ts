import { describe, expect, it } from 'vitest';
import { createDriver, TRANSITION_EVENTS } from './drive.ts';
import { OTHER_TRANSITIONS, TCP_STATES, TRANSITIONS, type TcpState, type Transition, type TransitionEvent } from './states.ts';

/** A way into each state (SYN-RECEIVED both ways: Figure 5's note 1). */
const EST: TransitionEvent[] = ['active-open', 'rcv-syn-ack'];
const PATHS: Array<{ state: TcpState; origin?: Transition['origin']; path: TransitionEvent[] }> = [
	{ state: 'CLOSED', path: [] },
	{ state: 'LISTEN', path: ['passive-open'] },
	{ state: 'SYN-SENT', path: ['active-open'] },
	{ state: 'SYN-RECEIVED', origin: 'passive', path: ['passive-open', 'rcv-syn'] },
	{ state: 'SYN-RECEIVED', origin: 'active', path: ['active-open', 'rcv-syn'] },
	{ state: 'ESTABLISHED', path: EST },
	{ state: 'FIN-WAIT-1', path: [...EST, 'close'] },
	{ state: 'FIN-WAIT-2', path: [...EST, 'close', 'rcv-ack-of-fin'] },
	{ state: 'CLOSING', path: [...EST, 'close', 'rcv-fin'] },
	{ state: 'TIME-WAIT', path: [...EST, 'close', 'rcv-ack-of-fin', 'rcv-fin'] },
	{ state: 'CLOSE-WAIT', path: [...EST, 'rcv-fin'] },
	{ state: 'LAST-ACK', path: [...EST, 'rcv-fin', 'close'] },
];

const driverAt = (path: TransitionEvent[]) => {
	const d = createDriver();
	for (const e of path) expect(d.apply(e).moves.length, `${path.join(' ')}: ${e}`).toBe(1);
	return d;
};

describe('createDriver', () => {
	it('reaches every state', () => {
		for (const { state, path } of PATHS) expect(driverAt(path).state).toBe(state);
		expect(new Set(PATHS.map((p) => p.state))).toEqual(new Set(TCP_STATES));
	});

	// The table and the engine agree both ways: every arrow is taken, and nothing else moves.
	for (const { state, origin, path } of PATHS) {
		it(`moves from ${state}${origin ? ` (${origin})` : ''} exactly as the tables say`, () => {
			const rows = [...TRANSITIONS, ...OTHER_TRANSITIONS].filter(
				(t) => t.from === state && (!t.origin || !origin || t.origin === origin),
			);
			for (const event of TRANSITION_EVENTS) {
				const out = driverAt(path).probe(event);
				const row = rows.find((r) => r.event === event);
				// The retransmission timer runs only while something is unacknowledged.
				if (event === 'timeout-retries' && (state === 'ESTABLISHED' || state === 'CLOSE-WAIT')) {
					expect(out.noTimer).toBe(true);
					continue;
				}
				if (!row) {
					expect(out.moves, `${state} ${event}`).toEqual([]);
					continue;
				}
				expect(out.moves, `${state} ${event}`).toEqual([{ from: state, to: row.to, event }]);
				expect(out.sent.map((s) => s.flags), `${state} ${event}`).toEqual(row.send ? [row.send] : []);
			}
		});
	}

	it('explains refused calls with §3.10 error codes', () => {
		expect(createDriver().probe('send').error).toBe('connection-does-not-exist');
		expect(createDriver().probe('close').error).toBe('connection-does-not-exist');
		expect(driverAt(['passive-open']).probe('passive-open').error).toBe('connection-already-exists');
		expect(driverAt([...EST, 'close']).probe('send').error).toBe('connection-closing');
	});

	it('reports what a non-moving event did', () => {
		expect(driverAt(['passive-open']).probe('rcv-ack-of-syn').sent).toEqual([{ flags: 'RST', reason: 'rst-listen' }]);
		expect(driverAt(EST).probe('send').sent).toEqual([{ flags: 'PSH, ACK', reason: 'data' }]);
		expect(driverAt(['active-open']).probe('send').queued).toBe(true);
		expect(driverAt(EST).probe('timeout-2msl').noTimer).toBe(true);
	});

	it('probes without changing the path; apply keeps only moves; reset starts over', () => {
		const d = driverAt(EST);
		d.probe('close');
		expect(d.state).toBe('ESTABLISHED');
		d.apply('send');
		expect(d.path).toEqual(EST);
		expect(d.apply('close').to).toBe('FIN-WAIT-1');
		expect(d.path).toEqual([...EST, 'close']);
		d.reset();
		expect(d.state).toBe('CLOSED');
		expect(d.path).toEqual([]);
	});
});
