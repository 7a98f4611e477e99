import { describe, expect, it } from 'vitest';
import en from '../i18n/en';
import zhCN from '../i18n/zh-CN';
import {
	ACK_PRESETS,
	ackHtml,
	ackInputError,
	ackStatus,
	DEFAULT_ACK,
	DEFAULT_RECEIVE,
	givenText,
	parseAcceptField,
	RECEIVE_PRESETS,
	receiveHtml,
	receiveStatus,
	tableRowsHtml,
} from './acceptability-view';

const s = en.lab.accept;
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>');

describe('the worked example a reader without JavaScript sees', () => {
	it('RCV.NXT 1000, RCV.WND 500, SEG.SEQ 1400, SEG.LEN 200: row 4, acceptable by its first number only', () => {
		const html = receiveHtml(DEFAULT_RECEIVE, s);
		expect(html).toContain('data-acceptable="true" data-row="4"');
		const t = text(html);
		expect(t).toContain('✓ Acceptable: row 4 of the table decides.');
		expect(t).toContain('RCV.NXT =< SEG.SEQ < RCV.NXT+RCV.WND: 1000 =< 1400 < 1500 ✓ holds');
		expect(t).toContain('RCV.NXT =< SEG.SEQ+SEG.LEN-1 < RCV.NXT+RCV.WND: 1000 =< 1599 < 1500 ✗ fails');
		expect(t).toContain('SEG.SEQ+SEG.LEN-1 = 1599 = RCV.NXT + 599');
		// A RST at 1400 would be in the window but not at RCV.NXT.
		expect(html).toContain('data-rst="challenge-ack"');
		expect(t).toContain('<SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>');
		expect(t).not.toContain('modulo');
	});

	it('marks the deciding row of Table 5 in words, and only that row', () => {
		const rows = tableRowsHtml(4, s);
		expect(rows.match(/aria-current="true"/g)).toHaveLength(1);
		expect(rows).toMatch(/<tr data-row="4" class="acc-decides" aria-current="true">.*← this case<\/span><\/td><\/tr>$/);
		expect(text(tableRowsHtml(3, s))).toContain('>00not acceptable ← this case');
		expect(text(rows)).toContain('RCV.NXT =< SEG.SEQ < RCV.NXT+RCV.WND or RCV.NXT =< SEG.SEQ+SEG.LEN-1 < RCV.NXT+RCV.WND');
	});

	it('an acknowledgment of 1200 with SND.UNA 1000 and SND.NXT 1300 is new', () => {
		const t = text(ackHtml(DEFAULT_ACK, s));
		expect(t).toContain('✓ Acceptable: SND.UNA < SEG.ACK =< SND.NXT, here 1000 < 1200 =< 1300.');
		expect(t).toContain('SND.UNA moves up to 1200');
	});
});

describe('the examples', () => {
	it('an old duplicate (bytes 900–999 when RCV.NXT is 1000) is not acceptable and earns an ACK', () => {
		const html = receiveHtml(RECEIVE_PRESETS.oldDuplicate, s);
		expect(html).toContain('data-acceptable="false" data-row="4"');
		expect(text(html)).toContain('1000 =< 999 < 1500 ✗ fails');
		expect(text(html)).toContain('SEG.SEQ = 900 = RCV.NXT − 100');
		expect(text(html)).toContain('answers <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>');
		expect(html).toContain('data-rst="drop"');
	});

	it('a one-byte probe into a zero window falls in row 3, which accepts nothing', () => {
		const html = receiveHtml(RECEIVE_PRESETS.zeroWindow, s);
		expect(html).toContain('data-acceptable="false" data-row="3"');
		expect(text(html)).toContain(s.rowThree);
		// The same SEG.SEQ on a RST is exactly RCV.NXT: a RST is processed even with a zero window.
		expect(html).toContain('data-rst="reset"');
		expect(receiveStatus(RECEIVE_PRESETS.zeroWindow, s)).toBe('✗ Not acceptable: row 3 of the table decides.');
	});

	it('across the wrap: SEG.SEQ 200 is 496 past RCV.NXT 4294967000, inside a window that ends at 704', () => {
		const html = receiveHtml(RECEIVE_PRESETS.wrap, s);
		expect(html).toContain('data-acceptable="true" data-row="4"');
		expect(text(html)).toContain('4294967000 =< 200 < 704 ✓ holds');
		expect(text(html)).toContain('SEG.SEQ = 200 = RCV.NXT + 496; the window ends before RCV.NXT + 1000 = 704');
		expect(text(html)).toContain(s.modulo);
	});

	it('names each kind of acknowledgment with its inequality', () => {
		expect(text(ackHtml(ACK_PRESETS.duplicate, s))).toContain('✗ Nothing new: SEG.ACK =< SND.UNA, here 1000 =< 1000.');
		expect(text(ackHtml(ACK_PRESETS.unsent, s))).toContain('✗ Acknowledges data never sent: SEG.ACK > SND.NXT, here 1400 > 1300.');
		expect(text(ackHtml(ACK_PRESETS.wrap, s))).toContain('here 4294967290 < 5 =< 10.');
		expect(ackStatus(ACK_PRESETS.unsent, s)).toBe('ACK of data never sent.');
	});
});

describe('input', () => {
	it('takes each field up to its own maximum', () => {
		expect(parseAcceptField('rcvWnd', '1073725440')).toEqual({ ok: true, value: 1073725440 });
		expect(parseAcceptField('rcvWnd', '1073725441')).toEqual({ ok: false, error: 'range' });
		expect(parseAcceptField('segLen', '65536')).toEqual({ ok: false, error: 'range' });
		expect(parseAcceptField('segSeq', '4294967295')).toEqual({ ok: true, value: 4294967295 });
		expect(parseAcceptField('sndUna', 'x')).toEqual({ ok: false, error: 'notNumber' });
	});

	it('refuses SND.UNA after SND.NXT, modulo 2^32', () => {
		expect(ackInputError({ sndUna: 1301, sndNxt: 1300, segAck: 1300 })).toBe('unaAfterNxt');
		expect(ackInputError({ sndUna: 4294967290, sndNxt: 10, segAck: 5 })).toBeNull();
	});

	it('restates the values checked in the RFC’s names', () => {
		expect(givenText(DEFAULT_RECEIVE, s)).toBe('Checked: RCV.NXT = 1000, RCV.WND = 500, SEG.SEQ = 1400, SEG.LEN = 200.');
		expect(givenText(DEFAULT_ACK, zhCN.lab.accept)).toBe('检查的是：SND.UNA = 1000, SND.NXT = 1300, SEG.ACK = 1200。');
	});
});

describe('strings', () => {
	const leaves = (o: unknown): string[] => (typeof o === 'string' ? [o] : Object.values(o as object).flatMap(leaves));
	const placeholders = (o: unknown) => leaves(o).map((t) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).join());

	it('hold no markup characters, since the view inserts them as HTML', () => {
		for (const locale of [en, zhCN]) {
			expect(leaves(locale.lab.accept).filter((t) => /[<>&]/.test(t))).toEqual([]);
		}
	});

	it('have the same placeholders in both locales', () => {
		expect(placeholders(zhCN.lab.accept)).toEqual(placeholders(en.lab.accept));
	});

	it('read the same verdicts in Chinese', () => {
		const zh = zhCN.lab.accept;
		expect(text(receiveHtml(DEFAULT_RECEIVE, zh))).toContain('✓ 可接受：由表中第 4 行判定。');
		expect(text(receiveHtml(RECEIVE_PRESETS.wrap, zh))).toContain('4294967000 =< 200 < 704 ✓ 成立');
	});
});
