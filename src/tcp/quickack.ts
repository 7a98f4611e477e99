/**
 * Linux's delayed-ACK engine (net/ipv4/tcp_input.c and tcp_output.c), for the
 * profile whose quickAcks is above 0. The first data segments are acknowledged
 * at once (quick-ack mode, TCP_MAX_QUICKACKS of them); after that, or once the
 * connection looks interactive ("pingpong": a FIN arrived in ESTABLISHED, or
 * we answered data within the ACK timeout), an ACK waits up to `ato` for data
 * or a FIN to ride on. `ato` starts at 0 — an ACK delayed before any data has
 * arrived leaves at the next timer tick — and at TCP_ATO_MIN once data has.
 */
export interface QuickAck {
	/** tcp_event_data_recv: in-order data arrived at `now`. */
	dataReceived(now: number, rto: number): void;
	/** tcp_fin: a FIN arrived in ESTABLISHED. */
	finReceived(): void;
	/** tcp_event_data_sent: we sent data at `now`. */
	dataSent(now: number): void;
	/** tcp_in_quickack_mode */
	quick(): boolean;
	/** tcp_send_delayed_ack: how long the ACK may wait. */
	delay(srtt: number | null): number;
	/** tcp_dec_quickack_mode, for every segment carrying an ACK. */
	ackSent(): void;
	/** tcp_delack_timer_handler: the delayed ACK's timer fired. */
	timerFired(rto: number): void;
}

/**
 * TCP_DELACK_MAX (icsk_delack_max): the longest an ACK waits. tcp_send_delayed_ack caps it at HZ / 2
 * outside pingpong mode first, but this cap, applied last, is the lower one.
 */
const DELACK_MAX_MS = 200;

/** `atoMinMs` is TCP_ATO_MIN (= TCP_DELACK_MIN, 40 ms); `quickAcks` TCP_MAX_QUICKACKS. */
export function createQuickAck(atoMinMs: number, quickAcks: number): QuickAck {
	let ato = 0;
	let quick = 0;
	let pingpong = false;
	let lastReceived = 0;
	return {
		dataReceived(now, rto) {
			if (!ato) {
				quick = quickAcks;
				ato = atoMinMs;
			} else {
				const gap = now - lastReceived;
				if (gap <= atoMinMs / 2) ato = ato / 2 + atoMinMs / 2;
				else if (gap < ato) ato = Math.min(ato / 2 + gap, rto);
				else if (gap > rto) quick = quickAcks;
			}
			lastReceived = now;
		},
		finReceived() {
			pingpong = true;
		},
		dataSent(now) {
			if (now - lastReceived < ato) pingpong = true;
		},
		quick: () => quick > 0 && !pingpong,
		delay(srtt) {
			if (ato <= atoMinMs) return ato;
			return Math.min(ato, DELACK_MAX_MS, srtt === null ? Infinity : Math.max(srtt, atoMinMs));
		},
		ackSent() {
			if (quick && !--quick) ato = atoMinMs;
		},
		timerFired(rto) {
			if (pingpong) {
				pingpong = false;
				ato = atoMinMs;
			} else {
				ato = Math.min(2 * ato, rto);
			}
		},
	};
}
