// nftables rulesets for a scenario's drops. A segment is dropped on its receiver's input hook, after
// it has crossed the veth: the sender counted it as sent and it is in the capture, as a segment lost
// in the network would be. (Dropped in the sender's own output hook it would not be a real loss: the
// kernel sees the failed transmission, does not count the segment as sent, and sends it again soon.)
//
// Each rule counts the segments it matches with `numgen inc`, which advances once per segment that
// reaches it (the matches before it in the rule short-circuit), so "the index-th match" is exact
// whatever the segments' sizes. A byte `quota` would drop the first match only if its length were
// known in advance.
import type { Side } from '../../src/tcp/network.ts';
import type { DropRule } from './scenario.ts';

/** The table each namespace's rules live in; deleting the namespace deletes it too. */
export const NFT_TABLE = 'synack_lab';

const NFT_FLAG: Record<string, string> = {
	FIN: 'fin',
	SYN: 'syn',
	RST: 'rst',
	PSH: 'psh',
	ACK: 'ack',
	URG: 'urg',
	ECE: 'ecn',
	CWR: 'cwr',
};
const ALL_FLAGS = Object.values(NFT_FLAG).join('|');

/** The namespace whose input hook receives the segments a rule drops. */
export const receiverOf = (rule: Pick<DropRule, 'dir'>): Side => (rule.dir === 'c2s' ? 'server' : 'client');

/** One nft rule for a drop rule; `serverPort` tells the directions apart (both ends may share an address). */
export function nftRule(rule: DropRule, serverPort: number): string {
	const parts = [rule.dir === 'c2s' ? `tcp dport ${serverPort}` : `tcp sport ${serverPort}`];
	if (rule.clientPorts) {
		const [low, high] = rule.clientPorts;
		parts.push(`${rule.dir === 'c2s' ? 'tcp sport' : 'tcp dport'} ${low === high ? low : `${low}-${high}`}`);
	}
	if (rule.flags) {
		const names = rule.flags.split(',').map((name) => NFT_FLAG[name.trim()]);
		parts.push(`tcp flags & (${ALL_FLAGS}) == ${names.join('|')}`);
	}
	// numgen counts modulo its argument; 2^32 − 1 matches are far more than any run sends.
	if (rule.count === 'all') {
		if (rule.index > 0) parts.push(`numgen inc mod 4294967295 >= ${rule.index}`);
	} else {
		const last = rule.index + rule.count - 1;
		parts.push(`numgen inc mod 4294967295 ${last === rule.index ? rule.index : `${rule.index}-${last}`}`);
	}
	parts.push('counter drop');
	return parts.join(' ');
}

/** The ruleset for one namespace (`nft -f` input), or null when none of the drops concerns it. */
export function nftRuleset(drops: readonly DropRule[], serverPort: number, ns: Side): string | null {
	const rules = drops.filter((rule) => receiverOf(rule) === ns);
	if (rules.length === 0) return null;
	return [
		`table inet ${NFT_TABLE} {`,
		'\tchain input {',
		'\t\ttype filter hook input priority filter; policy accept;',
		...rules.map((rule) => `\t\t${nftRule(rule, serverPort)}`),
		'\t}',
		'}',
		'',
	].join('\n');
}

/** The packet counts of the rules' counters, in rule order, from `nft list table` output. */
export const nftDropCounts = (listing: string): number[] =>
	[...listing.matchAll(/counter packets (\d+) bytes \d+ drop/g)].map((match) => Number(match[1]));
