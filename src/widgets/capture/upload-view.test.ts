import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../i18n/en';
import zhCN from '../i18n/zh-CN';
import { analyse, MAX_BYTES, sizeProblem } from './upload-view';

const s = en.capture.upload;
const file = (path: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../../..', path)));

describe('analyse', () => {
	it('shows half-close.pcap as one connection of 13 segments with inferred states', () => {
		const result = analyse(file('content/captures/half-close.pcap'), 'half-close.pcap', s);
		if (!result.ok) throw new Error(result.message);
		expect(result.summary).toBe('half-close.pcap: pcap, 13 packets, 1 TCP connection.');
		expect(result.notes).toEqual([]);
		const [c] = result.connections;
		expect(c?.rows).toHaveLength(13);
		expect(c?.initial).toEqual({ client: 'CLOSED', server: 'LISTEN' });
		expect(c?.rows[0]).toMatchObject({ flags: 'SYN', seq: 0, ack: null, client: 'SYN-SENT', server: 'SYN-RECEIVED', moved: { client: true, server: true } });
		expect(c?.rows.at(-1)).toMatchObject({ flags: 'ACK', seq: 5, ack: 12, client: 'TIME-WAIT', server: 'CLOSED' });
		expect(c?.title).toMatch(/^Connection 1: 127\.0\.0\.1:\d+ → 127\.0\.0\.1:40001, 13 segments$/);
	});

	it('reads pcapng and SLL2 captures too', () => {
		for (const path of ['src/capture/testdata/dumpcap-lo-half-close.pcapng', 'src/capture/testdata/tcpdump-any-fin-ack.pcap']) {
			const result = analyse(file(path), 'x', s);
			expect(result.ok, path).toBe(true);
		}
	});

	it('names the byte offset when the file is not a capture', () => {
		const result = analyse(new TextEncoder().encode('hello, this is not a capture file'), 'notes.txt', s);
		expect(result).toEqual({
			ok: false,
			message: 'Could not read notes.txt. This is not a pcap or pcapng capture: its first bytes are not a capture file’s magic number. Problem at byte offset 0.',
		});
	});

	it('names the packet and offset when a record is cut short, in Chinese too', () => {
		const bytes = file('content/captures/refused.pcap');
		const cut = bytes.subarray(0, bytes.length - 10);
		const result = analyse(cut, 'cut.pcap', zhCN.capture.upload);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.message).toMatch(/^无法读取 cut\.pcap。文件在某个首部、记录或块的中间结束了。问题出在第 2 个分组、字节偏移 \d+ 处。$/);
	});

	it('says so when a valid capture holds no TCP', () => {
		// A pcap header (Ethernet) and one record carrying an ARP frame.
		const header = [0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 1, 0, 0, 0];
		const frame = [...Array(12).fill(0), 0x08, 0x06, ...Array(28).fill(0)];
		const record = [0, 0, 0, 0, 0, 0, 0, 0, frame.length, 0, 0, 0, frame.length, 0, 0, 0];
		const result = analyse(new Uint8Array([...header, ...record, ...frame]), 'arp.pcap', s);
		expect(result).toEqual({ ok: false, message: 'arp.pcap holds no TCP segments (1 packets, none of them TCP). This tool shows TCP connections only.' });
	});
});

describe('sizeProblem', () => {
	it('refuses files over the limit before reading them, and empty files', () => {
		expect(sizeProblem('big.pcap', MAX_BYTES + 1, MAX_BYTES, s)).toBe(
			'big.pcap is 5.1 MB; this tool reads files up to 5 MB. Cut the capture down first, e.g. with editcap -r or a display filter in Wireshark.',
		);
		expect(sizeProblem('ok.pcap', MAX_BYTES, MAX_BYTES, s)).toBeNull();
		expect(sizeProblem('e.pcap', 0, MAX_BYTES, s)).toBe('e.pcap is empty.');
	});
});
