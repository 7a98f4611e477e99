import type { ScenarioInput } from '../scenario.ts';

export default {
	name: 'lost-final-ack',
	title: 'The last ACK of the teardown is lost twice: the server in LAST-ACK retransmits its FIN, the client in TIME-WAIT acknowledges it again',
	// c2s ACKs: 0 is the handshake's, 1 acknowledges the server's FIN, 2 acknowledges its first retransmission.
	drops: [{ dir: 'c2s', flags: 'ACK', index: 1, count: 2 }],
	steps: [
		{ do: 'listen' },
		{ do: 'connect' },
		{ do: 'await', side: 'client', event: 'connect' },
		{ do: 'wait', ms: 250 },
		{ do: 'end', side: 'client' },
		{ do: 'await', side: 'server', event: 'end' },
		{ do: 'wait', ms: 250 },
		{ do: 'end', side: 'server' },
		{ do: 'snapshot', label: 'the last ACK is lost', side: 'both', commands: ['ss -tano'], expect: { client: ['^TIME-WAIT '], server: ['^LAST-ACK '] } },
		{ do: 'await', side: 'server', event: 'close', timeoutMs: 5_000 },
		{ do: 'wait', ms: 300 },
		{ do: 'snapshot', label: 'closed', side: 'both', commands: ['ss -tano', 'nstat -as'] },
	],
	shape: [
		'c>s SYN seq=0 ack=- len=0',
		's>c SYN,ACK seq=0 ack=1 len=0',
		'c>s ACK seq=1 ack=1 len=0',
		'c>s FIN,ACK seq=1 ack=1 len=0',
		's>c ACK seq=1 ack=2 len=0',
		's>c FIN,ACK seq=1 ack=2 len=0',
		'c>s ACK seq=2 ack=2 len=0 lost',
		// A tail loss probe about 200 ms later, then the retransmission timer, not doubled yet.
		's>c FIN,ACK seq=1 ack=2 len=0 @+0.2±0.05',
		'c>s ACK seq=2 ack=2 len=0 lost',
		's>c FIN,ACK seq=1 ack=2 len=0 @+0.2±0.05',
		'c>s ACK seq=2 ack=2 len=0',
	],
} satisfies ScenarioInput;
