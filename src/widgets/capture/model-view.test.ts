import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupConnections, readCapture } from '../../capture';
import en from '../i18n/en';
import zhCN from '../i18n/zh-CN';
import { modelView, type ExplainedSwitch } from './model-view';
import { switchSources } from './switch-sources';

const s = en.capture.upload.model;
const sources = switchSources(Object.keys(s.switches) as ExplainedSwitch[]);
const read = (name: string) => {
	const capture = readCapture(new Uint8Array(readFileSync(join(import.meta.dirname, '../../../content/captures', name))));
	return { connection: groupConnections(capture.packets)[0]!, origin: capture.packets[0]!.timestamp };
};

describe('modelView', () => {
	// lost-fin.pcap (tcpdump -r): the client's FIN at 357 ms is lost; it goes again at 565 ms, 208 ms later.
	const lostFin = read('lab/lost-fin.pcap');

	it('under Linux, agrees with every segment and says which switch explains the probe and the delayed ACK', () => {
		const v = modelView(lostFin.connection, lostFin.origin, 'linux', s, sources, 200)!;
		expect(v.agree).toBe(true);
		expect(v.summary).toMatch(/^The Linux ≥ 6\.5 model agrees with all 8 segments/);
		expect(v.verdicts.map((x) => x!.agree)).toEqual(Array(8).fill(true));
		expect(v.verdicts[4]).toEqual({
			agree: true,
			text: '✓ agrees: a tail loss probe',
			why: {
				text: 'Why: Linux sends the last segment again once, about 2 RTTs + 200 ms after it, before the retransmission timer',
				source: 'net/ipv4/tcp_output.c tcp_schedule_loss_probe',
				href: 'https://elixir.bootlin.com/linux/v6.18/source/net/ipv4/tcp_output.c',
			},
		});
		expect(v.verdicts[5]!.why!.source).toBe('net/ipv4/tcp_output.c tcp_send_delayed_ack');
		expect(v.verdicts[0]).toEqual({ agree: true, text: '✓ agrees: the SYN of an open', why: null });
	});

	it('under RFC 9293, departs at the probe (no loss probe before a 1 s RTO), and says the Linux profile explains it', () => {
		const v = modelView(lostFin.connection, lostFin.origin, 'rfc9293', s, sources, 200)!;
		expect(v.agree).toBe(false);
		expect(v.summary).toBe('The RFC 9293 model departs first at segment 5.');
		expect(v.verdicts.slice(0, 4).every((x) => x!.agree)).toBe(true);
		expect(v.verdicts[4]!.agree).toBe(false);
		expect(v.verdicts[4]!.why!.text).toBe(
			'Why: the Linux ≥ 6.5 model agrees here: Linux sends the last segment again once, about 2 RTTs + 200 ms after it, before the retransmission timer',
		);
	});

	it('a time that differs is named with the model’s time, in Chinese too (half-close: the ACK of the FIN 40 ms late under RFC 9293)', () => {
		const { connection, origin } = read('half-close.pcap');
		const v = modelView(connection, origin, 'rfc9293', zhCN.capture.upload.model, sources, 200)!;
		expect(v.verdicts[8]!.text).toMatch(/^✗ 时间不同：模型在 50\d\.\d ms 发送，误差 ± 5\.\d$/);
		expect(v.verdicts[8]!.why!.text).toBe('原因：Linux ≥ 6.5 模型在这里与抓包一致——Linux 会把 ACK 最多推迟 40 ms，等数据或 FIN 一起发出');
	});

	it('lost-syn-ack: the repeated SYN answered by the SYN, ACK again is Linux’s tcp_check_req', () => {
		const { connection, origin } = read('lab/lost-syn-ack.pcap');
		const v = modelView(connection, origin, 'linux', s, sources, 200)!;
		expect(v.verdicts[5]!.why!.source).toBe('net/ipv4/tcp_minisocks.c tcp_check_req');
		// The SYN,ACK's own timer (1 s in both profiles) is no Linux switch.
		expect(v.verdicts[3]).toMatchObject({ agree: true, why: null });
	});

	it('a capture that starts mid-connection is not compared', () => {
		const { connection, origin } = read('half-close.pcap');
		expect(modelView({ ...connection, openedBySyn: false }, origin, 'linux', s, sources, 200)).toBeNull();
	});
});
