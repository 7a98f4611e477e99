import { describe, expect, it } from 'vitest';
import { missingRequirements, type Machine } from './lab.ts';
import { loadScenario } from './scenario.ts';

const linuxRoot: Machine = { platform: 'linux', uid: 0, namespaces: true, has: () => true };
const lostFin = await loadScenario('lost-fin');
const flood = await loadScenario('syn-flood-cookies');

describe('missingRequirements', () => {
	it('asks for nothing on a Linux machine with every tool, as root', () => {
		expect(missingRequirements([lostFin, flood], linuxRoot)).toEqual([]);
	});

	it('names each missing thing and how to get it', () => {
		const machine: Machine = { platform: 'linux', uid: 1000, namespaces: true, has: (tool) => !['tcpdump', 'nft'].includes(tool) };
		expect(missingRequirements([lostFin], machine)).toEqual([
			'root: run it as root (sudo npm run lab), to make namespaces and capture',
			'tcpdump (Debian: apt-get install tcpdump)',
			'nft (Debian: apt-get install nftables)',
		]);
	});

	it('needs python3 only for a scenario that crafts SYNs', () => {
		const machine = { ...linuxRoot, has: (tool: string) => tool !== 'python3' };
		expect(missingRequirements([lostFin], machine)).toEqual([]);
		expect(missingRequirements([lostFin, flood], machine)).toEqual(['python3 (Debian: apt-get install python3)']);
	});

	it('says when the kernel or the system cannot make namespaces at all', () => {
		expect(missingRequirements([lostFin], { ...linuxRoot, namespaces: false })).toEqual(['network namespaces: the kernel lacks CONFIG_NET_NS']);
		expect(missingRequirements([lostFin], { ...linuxRoot, platform: 'darwin' })).toEqual(['Linux: the lab uses network namespaces']);
	});
});
