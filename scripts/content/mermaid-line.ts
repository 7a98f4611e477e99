/**
 * One line of a lesson's Mermaid diagram, split into what a reader reads (labels, notes, the text
 * alternative) and what draws the diagram (participants, states, arrows). The vocabulary check reads
 * the labels only: identifiers such as SYN_SENT are code. The parity check compares the structure:
 * both locales must draw the same diagram and translate only its words.
 */
export interface MermaidLine {
	/** The line with every label replaced by `…`, spaces collapsed. */
	structure: string;
	labels: string[];
}

/** Bracketed node labels of a flowchart: A[label], B(label), C{label}, edge labels |label|; not [*]. */
const BRACKETS = /\[(?!\*\])([^\]]*)\]|\(([^)]*)\)|\{([^}]*)\}|\|([^|]*)\|/g;

/** A sequence diagram's blocks, whose label is the rest of the line: `alt peer alive`, `loop every RTO`. */
const BLOCK = /^(alt|else|opt|loop|par|and|critical|option|break) (.+)$/;

/** A flowchart edge's inline label: `A -- no --> B`, `A -. maybe .-> B`, `A == yes ==> B`. */
const EDGE_TEXT = /(--|-\.|==) ([^->.=][^>]*?) (-->|---|\.->|==>)/g;

/** A quoted node label may hold a colon: `R2["2 · allowed: window"]`. */
const QUOTED = /(\[|\(|\{)"([^"]*)"(\]|\)|\})/g;

export function splitMermaidLine(line: string): MermaidLine {
	const trimmed = line.trim().replace(/\s+/g, ' ');
	const block = BLOCK.exec(trimmed);
	if (block) return { structure: `${block[1]} …`, labels: [block[2]!] };
	const labels: string[] = [];
	const unquoted = trimmed
		.replace(QUOTED, (_, open: string, label: string, close: string) => {
			labels.push(label);
			return `${open}…${close}`;
		})
		.replace(EDGE_TEXT, (_, from: string, label: string, to: string) => {
			labels.push(label);
			return `${from} … ${to}`;
		});
	// participant C as 客户端 / actor C as Client
	const alias = /^((?:participant|actor) \S+) as (.+)$/.exec(trimmed);
	if (alias) return { structure: `${alias[1]} as …`, labels: [alias[2]!] };
	// state "SYN-SENT" as SYN_SENT
	const state = /^state "([^"]*)" as (\S+)$/.exec(trimmed);
	if (state) return { structure: `state "…" as ${state[2]}`, labels: [state[1]!] };
	// Everything after the first colon is a label: messages, notes, transitions, accTitle, accDescr.
	const colon = unquoted.indexOf(':');
	const head = colon >= 0 ? unquoted.slice(0, colon) : unquoted;
	const structure = head.replace(BRACKETS, (match, ...groups: Array<string | undefined>) => {
		const label = groups.slice(0, 4).find((g) => g !== undefined) ?? '';
		if (label !== '…') labels.push(label);
		return match[0] + '…' + match.at(-1);
	});
	if (colon >= 0) labels.push(unquoted.slice(colon + 1).trim());
	return { structure: colon >= 0 ? `${structure}: …` : structure, labels };
}
