import { describe, expect, it } from 'vitest';
import { runScenario } from './scenarios';
import { traceToMermaid } from './mermaid';

const labels = { client: 'C', server: 'S', lost: 'lost', rto: 'RTO', timeWait: '2MSL' };

describe('traceToMermaid', () => {
	it('draws every segment of a scenario with relative numbers and state notes', () => {
		const text = traceToMermaid(runScenario('handshake'), { labels, accTitle: 'T', accDescr: 'D; #1' });
		expect(text.split('\n')).toEqual([
			'sequenceDiagram',
			'accTitle: T',
			'accDescr: D#59; #35;1',
			'participant C as C',
			'participant S as S',
			'Note over S: LISTEN',
			'Note over C: SYN-SENT',
			'C->>S: SYN seq=0',
			'Note over S: SYN-RECEIVED',
			'S->>C: SYN, ACK seq=0 ack=1',
			'Note over C: ESTABLISHED',
			'C->>S: ACK seq=1 ack=1',
			'Note over S: ESTABLISHED',
		]);
	});

	it('fromMs leaves out what came before and opens with both states', () => {
		const text = traceToMermaid(runScenario('teardown'), { labels, fromMs: 200 });
		const lines = text.split('\n');
		expect(lines.slice(3, 6)).toEqual(['Note over C,S: ESTABLISHED', 'Note over C: FIN-WAIT-1', 'C->>S: FIN, ACK seq=1 ack=1']);
		expect(text).not.toContain('SYN');
		expect(lines.filter((l) => l.includes('->>'))).toHaveLength(4);
	});

	it('fromMs with different states opens with one note per side; retransmissions keep their label', () => {
		const trace = runScenario('lost-final-ack');
		const text = traceToMermaid(trace, { labels: { ...labels, retransmit: '(rtx)' }, fromMs: 460 });
		expect(text.split('\n').slice(3, 5)).toEqual(['Note over C: TIME-WAIT', 'Note over S: LAST-ACK']);
		expect(text).toContain('S->>C: FIN, ACK seq=1 ack=2 (rtx)');
	});
});
