import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAB_CAPTURES } from './scenario.ts';
import { readSidecar } from '../../src/schemas/sidecar.ts';
import { shapeOf } from './shape.ts';
import { countersSeen, repeats, statesSeen } from './summary.ts';

const sidecar = readSidecar(join(LAB_CAPTURES, 'lost-fin.json'));

describe('summary', () => {
	it('lists the segments sent more than once, with their times', () => {
		const { segments } = shapeOf(new Uint8Array(readFileSync(join(LAB_CAPTURES, 'lost-fin.pcap'))));
		expect(repeats(segments)).toEqual([expect.stringMatching(/^c>s FIN,ACK ×2 at 0\.\d+, 0\.\d+ s$/)]);
	});

	it('lists the states ss showed at each snapshot, without listeners', () => {
		expect(statesSeen(sidecar)).toEqual([
			'the FIN is lost: client FIN-WAIT-1, server ESTAB',
			'the FIN got through: client FIN-WAIT-2, server CLOSE-WAIT',
			'closed: client TIME-WAIT',
		]);
	});

	it('lists the TCP counters of the last nstat of each side', () => {
		expect(countersSeen(sidecar)).toEqual([expect.stringContaining('TCPLossProbes 1')]);
	});
});
