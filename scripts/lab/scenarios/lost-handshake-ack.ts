import type { ScenarioInput } from '../scenario.ts';

export default {
	name: 'lost-handshake-ack',
	title: 'The handshake’s ACK is lost and the client stays silent: the server, in SYN-RECEIVED, retransmits its SYN,ACK after 1 s',
	drops: [{ dir: 'c2s', flags: 'ACK' }],
	steps: [
		{ do: 'listen' },
		{ do: 'connect' },
		{ do: 'await', side: 'client', event: 'connect' },
		{ do: 'wait', ms: 200 },
		{ do: 'snapshot', label: 'the ACK is lost', side: 'both', commands: ['ss -tano'], expect: { client: ['^ESTAB '], server: ['^SYN-RECV '] } },
		{ do: 'await', side: 'server', event: 'accept', timeoutMs: 5_000 },
		{ do: 'wait', ms: 300 },
		{ do: 'snapshot', label: 'established', side: 'both', commands: ['ss -tan', 'nstat -as'] },
	],
	shape: [
		'c>s SYN seq=0 ack=- len=0',
		's>c SYN,ACK seq=0 ack=1 len=0',
		'c>s ACK seq=1 ack=1 len=0 lost',
		's>c SYN,ACK seq=0 ack=1 len=0 @1±0.1',
		'c>s ACK seq=1 ack=1 len=0',
	],
} satisfies ScenarioInput;
