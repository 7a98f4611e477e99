import { describe, expect, it } from 'vitest';
import { runScenario, SCENARIO_EXPECTATIONS, traceSteps } from '../../tcp';
import en from '../i18n/en';
import zhCN from '../i18n/zh-CN';
import { caption, DEFAULT_INPUT, errorText, labConfig, parseWhole, randomIsns, ranText, rowHtml, runLab, WRAP_INPUT, MAX_ISN } from './view';

const s = en.lab;

describe('parseWhole', () => {
	it('accepts whole numbers from 0 to the maximum, with spaces around', () => {
		expect(parseWhole('0', MAX_ISN)).toEqual({ ok: true, value: 0 });
		expect(parseWhole(' 4294967295 ', MAX_ISN)).toEqual({ ok: true, value: 4294967295 });
		expect(parseWhole('1000', MAX_ISN)).toEqual({ ok: true, value: 1000 });
	});
	it('names what is wrong with anything else', () => {
		expect(parseWhole('', MAX_ISN)).toEqual({ ok: false, error: 'empty' });
		expect(parseWhole('-1', MAX_ISN)).toEqual({ ok: false, error: 'range' });
		expect(parseWhole('-0', MAX_ISN)).toEqual({ ok: false, error: 'range' });
		expect(parseWhole('4294967296', MAX_ISN)).toEqual({ ok: false, error: 'range' });
		expect(parseWhole('65536', 65_535)).toEqual({ ok: false, error: 'range' });
		expect(parseWhole('1.5', MAX_ISN)).toEqual({ ok: false, error: 'notWhole' });
		expect(parseWhole('1e3', MAX_ISN)).toEqual({ ok: false, error: 'notWhole' });
		expect(parseWhole('abc', MAX_ISN)).toEqual({ ok: false, error: 'notNumber' });
		expect(parseWhole('12abc', MAX_ISN)).toEqual({ ok: false, error: 'notNumber' });
	});
	it('puts the maximum in the range message', () => {
		expect(errorText('range', 'clientIsn', s)).toBe('Must be between 0 and 4294967295.');
		expect(errorText('range', 'serverBytes', s)).toBe('Must be between 0 and 65535.');
	});
});

describe('runLab', () => {
	it('shows the whole connection with both kinds of numbers for the default ISNs', () => {
		const rows = runLab(DEFAULT_INPUT);
		expect(rows.map((r) => `${r.from} ${r.flags} ${r.seq}/${r.seqRel} ${r.ack ?? '-'} ${r.segLen}`)).toEqual([
			'client SYN 1000/0 - 1',
			'server SYN, ACK 5000/0 1001 1',
			'client ACK 1001/1 5001 0',
			'client PSH, ACK 1001/1 5001 100',
			'server ACK 5001/1 1101 0',
			'server PSH, ACK 5001/1 1101 200',
			'client ACK 1101/101 5201 0',
			'client FIN, ACK 1101/101 5201 1',
			'server ACK 5201/201 1102 0',
			'server FIN, ACK 5201/201 1102 1',
			'client ACK 1102/102 5202 0',
		]);
		expect(rows.some((r) => r.seqWraps || r.ackWraps)).toBe(false);
		expect(rows.at(-1)).toMatchObject({ clientState: 'TIME-WAIT', serverState: 'CLOSED' });
	});

	it('agrees with the model’s teardown expectations when no data is sent', () => {
		const rows = runLab({ clientIsn: 100, serverIsn: 300, clientBytes: 0, serverBytes: 0 });
		const expected = SCENARIO_EXPECTATIONS.teardown.steps;
		expect(rows.map((r) => ({ flags: r.flags, seq: r.seqRel, ack: r.ackRel }))).toEqual(
			expected.map((e) => ({ flags: e.flags, seq: e.seq, ack: e.ack })),
		);
		expect(traceSteps(runScenario('teardown')).length).toBe(rows.length);
	});

	it('wraps past 2^32 − 1 as the lesson says: ISN 4294967290 and 10 bytes put the FIN at 5', () => {
		const rows = runLab({ ...DEFAULT_INPUT, clientIsn: 4294967290, clientBytes: 10 });
		const data = rows.find((r) => r.from === 'client' && r.data === 10)!;
		expect(data).toMatchObject({ seq: 4294967291, seqRel: 1, seqWraps: true });
		const ack = rows.find((r) => r.from === 'server' && r.ack === 5)!;
		expect(ack.ackWraps).toBe(true);
		expect(ack.ackRel).toBe(11);
		expect(rows.find((r) => r.from === 'client' && r.fin)).toMatchObject({ seq: 5, seqRel: 11 });
		// Marked once per sender and field.
		expect(rows.filter((r) => r.from === 'client' && r.seqWraps)).toHaveLength(1);
	});

	it('marks a wrap that falls exactly between segments', () => {
		const rows = runLab({ ...DEFAULT_INPUT, clientIsn: MAX_ISN });
		expect(rows[0]).toMatchObject({ seq: MAX_ISN, seqWraps: false });
		expect(rows[1]).toMatchObject({ ack: 0, ackWraps: true });
		expect(rows[2]).toMatchObject({ seq: 0, seqRel: 1, seqWraps: true });
	});

	it('runs the wraparound preset on both sides', () => {
		const rows = runLab(WRAP_INPUT);
		expect(rows.filter((r) => r.seqWraps).map((r) => r.from)).toEqual(['client', 'server']);
	});

	it('uses the model’s simulator with the RFC timers', () => {
		const cfg = labConfig(DEFAULT_INPUT);
		expect(cfg.actions.map((a) => `${a.who} ${a.call}`)).toEqual([
			'server listen',
			'client open',
			'client send',
			'server send',
			'client close',
			'server close',
		]);
		expect(labConfig({ ...DEFAULT_INPUT, clientBytes: 0 }).actions.some((a) => a.call === 'send' && a.who === 'client')).toBe(false);
	});
});

describe('formatting', () => {
	it('marks SYN and FIN in SEG.LEN and the wrap with text, not colour alone', () => {
		const rows = runLab({ ...DEFAULT_INPUT, clientIsn: 4294967290, clientBytes: 10 });
		expect(rowHtml(rows[0]!, s)).toContain('+1 SYN');
		expect(rowHtml(rows.find((r) => r.fin)!, s)).toContain('+1 FIN');
		expect(rowHtml(rows.find((r) => r.seqWraps)!, s)).toContain(s.seqWraps);
		expect(rowHtml(rows[0]!, s)).toContain('<span class="lab-abs">4294967290</span> <span class="lab-rel">rel. 0</span>');
		expect(rowHtml(rows[0]!, s)).toContain(`<td class="lab-ack">${s.noAck}</td>`);
	});
	it('captions and announces a run', () => {
		const rows = runLab(DEFAULT_INPUT);
		expect(caption(DEFAULT_INPUT, s)).toContain('client ISN 1000, server ISN 5000');
		expect(ranText(rows, s)).toBe('Ran the connection: 11 segments. The client’s FIN has seq 1101; the server’s last ack is 1102.');
		expect(ranText(rows, zhCN.lab)).toContain('1101');
	});
	it('draws random ISNs over the whole 32-bit space', () => {
		expect(randomIsns(() => 0)).toEqual({ clientIsn: 0, serverIsn: 0 });
		expect(randomIsns(() => 0.999999999999)).toEqual({ clientIsn: MAX_ISN, serverIsn: MAX_ISN });
	});
});
