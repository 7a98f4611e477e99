import type { ScenarioInput } from '../scenario.ts';

export default {
	name: 'simultaneous-close',
	title: 'Both close before either has the other’s FIN (the client’s is lost on the way): the client passes through CLOSING',
	// The client's FIN and its first retransmission are lost, so the server closes, and its FIN
	// reaches the client, while the client's FIN is still unacknowledged.
	drops: [{ dir: 'c2s', flags: 'FIN, ACK', count: 2 }],
	steps: [
		{ do: 'listen' },
		{ do: 'connect' },
		{ do: 'await', side: 'client', event: 'connect' },
		{ do: 'wait', ms: 250 },
		{ do: 'end', side: 'client' },
		{ do: 'wait', ms: 50 },
		{ do: 'end', side: 'server' },
		{ do: 'wait', ms: 50 },
		{ do: 'snapshot', label: 'both have closed', side: 'both', commands: ['ss -tano'], expect: { client: ['^CLOSING '], server: ['^FIN-WAIT-2 '] } },
		{ do: 'await', side: 'server', event: 'end', timeoutMs: 5_000 },
		{ do: 'wait', ms: 300 },
		{ do: 'snapshot', label: 'both in TIME-WAIT', side: 'both', commands: ['ss -tan', 'nstat -as'], expect: { client: ['^TIME-WAIT '], server: ['^TIME-WAIT '] } },
	],
	shape: [
		'c>s SYN seq=0 ack=- len=0',
		's>c SYN,ACK seq=0 ack=1 len=0',
		'c>s ACK seq=1 ack=1 len=0',
		'c>s FIN,ACK seq=1 ack=1 len=0 lost',
		's>c FIN,ACK seq=1 ack=1 len=0',
		// The client, in FIN-WAIT-1, acknowledges the server's FIN: CLOSING. Its seq is past its own FIN.
		'c>s ACK seq=2 ack=2 len=0',
		'c>s FIN,ACK seq=1 ack=2 len=0 lost',
		'c>s FIN,ACK seq=1 ack=2 len=0 @+0.2±0.05',
		's>c ACK seq=2 ack=2 len=0',
	],
} satisfies ScenarioInput;
