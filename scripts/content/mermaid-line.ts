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

export function splitMermaidLine(line: string): MermaidLine {
	const trimmed = line.trim().replace(/\s+/g, ' ');
	// participant C as 客户端 / actor C as Client
	const alias = /^((?:participant|actor) \S+) as (.+)$/.exec(trimmed);
	if (alias) return { structure: `${alias[1]} as …`, labels: [alias[2]!] };
	// state "SYN-SENT" as SYN_SENT
	const state = /^state "([^"]*)" as (\S+)$/.exec(trimmed);
	if (state) return { structure: `state "…" as ${state[2]}`, labels: [state[1]!] };
	// Everything after the first colon is a label: messages, notes, transitions, accTitle, accDescr.
	const colon = trimmed.indexOf(':');
	const head = colon >= 0 ? trimmed.slice(0, colon) : trimmed;
	const labels: string[] = [];
	const structure = head.replace(BRACKETS, (match, ...groups: Array<string | undefined>) => {
		const label = groups.slice(0, 4).find((g) => g !== undefined) ?? '';
		labels.push(label);
		return match[0] + '…' + match.at(-1);
	});
	if (colon >= 0) labels.push(trimmed.slice(colon + 1).trim());
	return { structure: colon >= 0 ? `${structure}: …` : structure, labels };
}
