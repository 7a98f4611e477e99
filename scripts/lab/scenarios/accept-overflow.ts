import type { ScenarioInput } from '../scenario.ts';

/**
 * The server's application stops accepting (its event loop blocked for longer than the run) with
 * listen(2)'s backlog at 1. Connection a completes; b's handshake ACK is lost, so b waits in the
 * SYN queue; c completes. The accept queue now holds two, more than the backlog of 1 allows: d's SYN
 * is dropped, and so is b's ACK when it comes again with the server's retransmitted SYN,ACK.
 */
export default {
	name: 'accept-overflow',
	title: 'Accept queue full (backlog 1, the application not accepting): a new SYN is dropped, and a completing ACK is ignored (tcp_abort_on_overflow = 0)',
	sysctls: { server: { 'ipv4.tcp_abort_on_overflow': 0 } },
	// c2s ACKs: 0 completes a's handshake, 1 would complete b's.
	drops: [{ dir: 'c2s', flags: 'ACK', index: 1 }],
	steps: [
		{ do: 'listen', backlog: 1 },
		{ do: 'stall', side: 'server', ms: 30_000 },
		{ do: 'connect', conn: 'a' },
		{ do: 'await', side: 'client', conn: 'a', event: 'connect' },
		{ do: 'wait', ms: 250 },
		{ do: 'connect', conn: 'b' },
		{ do: 'await', side: 'client', conn: 'b', event: 'connect' },
		{ do: 'wait', ms: 250 },
		{ do: 'connect', conn: 'c' },
		{ do: 'await', side: 'client', conn: 'c', event: 'connect' },
		{ do: 'wait', ms: 100 },
		{
			do: 'snapshot',
			label: 'accept queue full',
			side: 'server',
			commands: ['ss -lnt', 'ss -tan', 'nstat -as'],
			expect: { server: ['^LISTEN +2 +1 ', '^SYN-RECV '] },
		},
		{ do: 'connect', conn: 'd' },
		{ do: 'wait', ms: 2_500 },
		// d's SYNs go unanswered; stop them before the run ends so their number does not depend on when it ends.
		{ do: 'destroy', side: 'client', conn: 'd' },
		{ do: 'wait', ms: 1_000 },
		{ do: 'snapshot', label: 'after the retransmitted SYN,ACK', side: 'both', commands: ['ss -tan', 'nstat -as'] },
	],
	shape: [
		'c>s SYN seq=0 ack=- len=0',
		's>c SYN,ACK seq=0 ack=1 len=0',
		'c>s ACK seq=1 ack=1 len=0',
		'#2 c>s SYN seq=0 ack=- len=0',
		'#2 s>c SYN,ACK seq=0 ack=1 len=0',
		'#2 c>s ACK seq=1 ack=1 len=0 lost',
		// The server retransmits its SYN,ACK on its own timer (1 s, then 2 s later); the client's ACKs
		// arrive while the accept queue is full and are ignored.
		'#2 s>c SYN,ACK seq=0 ack=1 len=0 @+1±0.1',
		'#2 c>s ACK seq=1 ack=1 len=0',
		'#2 s>c SYN,ACK seq=0 ack=1 len=0 @+2±0.1',
		'#2 c>s ACK seq=1 ack=1 len=0',
		'#3 c>s SYN seq=0 ack=- len=0',
		'#3 s>c SYN,ACK seq=0 ack=1 len=0',
		'#3 c>s ACK seq=1 ack=1 len=0',
		// The accept queue is full when d's SYN arrives: dropped without an answer, retried every second.
		'#4 c>s SYN seq=0 ack=- len=0',
		'#4 c>s SYN seq=0 ack=- len=0 @+1±0.1',
		'#4 c>s SYN seq=0 ack=- len=0 @+1±0.1',
	],
} satisfies ScenarioInput;
