import type { ScenarioInput } from '../scenario.ts';

export default {
	name: 'lost-syn-ack',
	title: 'The server’s SYN,ACK is lost: both ends’ 1 s timers fire, the client’s SYN and the server’s SYN,ACK cross',
	drops: [{ dir: 's2c', flags: 'SYN, ACK' }],
	steps: [
		{ do: 'listen' },
		{ do: 'connect' },
		{ do: 'wait', ms: 300 },
		{ do: 'snapshot', label: 'the SYN,ACK is lost', side: 'both', commands: ['ss -tano'], expect: { client: ['^SYN-SENT '], server: ['^SYN-RECV '] } },
		{ do: 'await', side: 'client', event: 'connect', timeoutMs: 5_000 },
		{ do: 'wait', ms: 300 },
		{ do: 'snapshot', label: 'connected', side: 'both', commands: ['ss -tan', 'nstat -as'] },
	],
	shape: [
		'c>s SYN seq=0 ack=- len=0',
		's>c SYN,ACK seq=0 ack=1 len=0 lost',
		// Both ends' 1 s timers expire in the same tick of the timer wheel: the client sends its SYN
		// again and the server its SYN,ACK, and the server answers the repeated SYN with one more.
		'c>s SYN seq=0 ack=- len=0 @1±0.1',
		's>c SYN,ACK seq=0 ack=1 len=0 @1±0.1',
		'c>s ACK seq=1 ack=1 len=0',
		's>c SYN,ACK seq=0 ack=1 len=0 @1±0.1',
		'c>s ACK seq=1 ack=1 len=0',
	],
} satisfies ScenarioInput;
