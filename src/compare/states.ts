// Both endpoints' states as the kernel reported them (`ss -tan`, run in each namespace while the
// capture was made) against the model's states at the same moments.
import type { Endpoint } from '../capture/index.ts';
import type { Side, TcpState, Trace } from '../tcp/index.ts';

/** ss spells two states its own way (SYN-RECV, ESTAB); the others as RFC 9293 does. */
const SS_NAMES: Record<string, TcpState> = { ESTAB: 'ESTABLISHED', 'SYN-RECV': 'SYN-RECEIVED' };

/**
 * The state of the socket with this local and peer address in `ss -tan` output, or CLOSED when ss
 * lists none (it never lists a closed socket).
 */
export function ssState(output: string, local: Endpoint, peer: Endpoint): TcpState {
	for (const line of output.split('\n')) {
		const [state, , , l, p] = line.trim().split(/\s+/);
		if (l === `${local.address}:${local.port}` && p === `${peer.address}:${peer.port}`) return SS_NAMES[state!] ?? (state as TcpState);
	}
	return 'CLOSED';
}

/** One reading of a side's state, taken somewhere between `t` and `end` (ms on the capture's clock). */
export interface StateReading {
	t: number;
	end: number;
	side: Side;
	state: TcpState;
	/** What the reading is, for people: "ss -tan, “the FIN is lost”". */
	label: string;
}

export interface StateCheck {
	reading: StateReading;
	/** The states the model's endpoint held at some moment between `t` and `end`. */
	model: TcpState[];
	agree: boolean;
}

/**
 * Each reading against the states the model held while it was taken. The model's endpoint is its
 * connection: LISTEN, before a connection or after one is reset, is no socket of this 4-tuple, as
 * CLOSED is.
 */
export function checkStates(trace: Trace, shift: number, readings: readonly StateReading[], drift: (t: number) => number = () => 0): StateCheck[] {
	const same = (s: TcpState) => (s === 'LISTEN' ? 'CLOSED' : s);
	return readings.map((reading) => {
		// The model's clock, set to the capture's by the last segment both have before the reading.
		const at = (t: number) => t + shift + drift(reading.t);
		const changes = trace.events.flatMap((e) => (e.kind === 'state' && e.side === reading.side ? [{ t: at(e.t), to: e.to }] : []));
		const before = changes.filter((c) => c.t <= reading.t).at(-1)?.to ?? 'CLOSED';
		const during = changes.filter((c) => c.t > reading.t && c.t <= reading.end).map((c) => c.to);
		const model = [...new Set([before, ...during])];
		return { reading, model, agree: model.some((s) => same(s) === same(reading.state)) };
	});
}
