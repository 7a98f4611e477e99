import type { ScenarioInput } from '../scenario.ts';

export default {
	name: 'lost-fin',
	title: 'The client’s FIN is lost on arrival; a tail loss probe sends it again about 200 ms later',
	drops: [{ dir: 'c2s', flags: 'FIN, ACK' }],
	steps: [
		{ do: 'listen' },
		{ do: 'connect' },
		{ do: 'await', side: 'client', event: 'connect' },
		{ do: 'wait', ms: 250 },
		{ do: 'end', side: 'client' },
		{ do: 'snapshot', label: 'the FIN is lost', side: 'both', commands: ['ss -tano'], expect: { client: ['^FIN-WAIT-1 '], server: ['^ESTAB '] } },
		{ do: 'await', side: 'server', event: 'end', timeoutMs: 3000 },
		{ do: 'snapshot', label: 'the FIN got through', side: 'both', commands: ['ss -tan'] },
		{ do: 'end', side: 'server' },
		{ do: 'await', side: 'client', event: 'close', timeoutMs: 3000 },
		{ do: 'snapshot', label: 'closed', side: 'client', commands: ['ss -tan', 'nstat -as'] },
	],
	shape: [
		'c>s SYN seq=0 ack=- len=0',
		's>c SYN,ACK seq=0 ack=1 len=0',
		'c>s ACK seq=1 ack=1 len=0',
		'c>s FIN,ACK seq=1 ack=1 len=0 lost',
		'c>s FIN,ACK seq=1 ack=1 len=0 @+0.2±0.05',
		's>c ACK seq=1 ack=2 len=0',
		's>c FIN,ACK seq=1 ack=2 len=0',
		'c>s ACK seq=2 ack=2 len=0',
	],
} satisfies ScenarioInput;
