import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import { traceToMermaid, type MermaidLabels } from './mermaid.ts';
import { runScenario, SCENARIO_NAMES } from './scenarios.ts';

const labels: MermaidLabels = { client: 'Client', server: 'Server', lost: '✗', rto: 'RTO', timeWait: '2MSL' };

describe('trace → Mermaid sequenceDiagram', () => {
	it('draws the handshake with relative numbers and state notes', () => {
		expect(traceToMermaid(runScenario('handshake'), { labels })).toBe(
			[
				'sequenceDiagram',
				'participant C as Client',
				'participant S as Server',
				'Note over S: LISTEN',
				'Note over C: SYN-SENT',
				'C->>S: SYN seq=0',
				'Note over S: SYN-RECEIVED',
				'S->>C: SYN, ACK seq=0 ack=1',
				'Note over C: ESTABLISHED',
				'C->>S: ACK seq=1 ack=1',
				'Note over S: ESTABLISHED',
			].join('\n'),
		);
	});

	it('uses absolute numbers on request', () => {
		const text = traceToMermaid(runScenario('handshake', { isn: { client: 2 ** 32 - 1, server: 7 } }), {
			labels,
			numbers: 'absolute',
		});
		expect(text).toContain('C->>S: SYN seq=4294967295\n');
		expect(text).toContain('S->>C: SYN, ACK seq=7 ack=0\n');
		expect(text).toContain('C->>S: ACK seq=0 ack=8\n');
	});

	it('marks lost segments with -x and the caller’s label, and timers as notes', () => {
		const lostSyn = traceToMermaid(runScenario('lost-syn'), { labels: { ...labels, retransmit: '(rtx)' } });
		expect(lostSyn).toContain('C-xS: SYN seq=0 ✗\nNote over C: RTO\nC->>S: SYN seq=0 (rtx)\n');
		expect(traceToMermaid(runScenario('time-wait-expiry'), { labels })).toMatch(/Note over C: 2MSL\nNote over C: CLOSED$/);
		expect(traceToMermaid(runScenario('old-duplicate-syn'), { labels: { ...labels, injected: '(old)' } })).toContain(
			'C->>S: SYN seq=-10 (old)\n',
		);
	});

	it('shows one note per side per event: FIN-WAIT-1 → FIN-WAIT-2 → TIME-WAIT in one arrival reads TIME-WAIT', () => {
		const text = traceToMermaid(runScenario('teardown-fin-ack'), { labels });
		expect(text).not.toContain('FIN-WAIT-2');
		expect(text).toContain('S->>C: FIN, ACK seq=1 ack=2\nNote over C: TIME-WAIT\n');
	});

	it('adds accessibility lines and escapes characters that break Mermaid', () => {
		const text = traceToMermaid(runScenario('refused'), {
			labels: { ...labels, client: 'Client #1; a', server: 'Server\nB' },
			accTitle: 'Refused; no listener',
			accDescr: 'A SYN to port #80',
		});
		expect(text.split('\n').slice(0, 5)).toEqual([
			'sequenceDiagram',
			'accTitle: Refused#59; no listener',
			'accDescr: A SYN to port #35;80',
			'participant C as Client #35;1#59; a',
			'participant S as Server B',
		]);
		expect(text).toContain('S->>C: RST, ACK seq=0 ack=1\n');
	});

	// mermaid.parse runs without a DOM except for accTitle/accDescr, which it sanitizes with DOMPurify.
	it.each(SCENARIO_NAMES)('%s parses as Mermaid', async (name) => {
		for (const numbers of ['relative', 'absolute'] as const) {
			const text = traceToMermaid(runScenario(name), {
				labels: { ...labels, client: 'C #1; x', retransmit: 'again; #2', injected: 'old' },
				numbers,
			});
			await expect(mermaid.parse(text)).resolves.toMatchObject({ diagramType: 'sequence' });
		}
	});
});
