/** Takes over CaptureUpload: reads the chosen or dropped file in the browser and draws its connections. */
import type { ProfileName } from '../../tcp';
import { fill } from '../text';
import type { SegmentVerdict, SwitchSources } from './model-view';
import { analyse, MAX_BYTES, sizeProblem, type ConnectionView, type RowView, type UploadStrings } from './upload-view';

interface Strings {
	upload: UploadStrings;
	sources: SwitchSources;
	client: string;
	server: string;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (className) node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
}

/** The segment against the model, on a line of its own under the arrow: verdict, and why with its source. */
function verdictLine(v: SegmentVerdict, s: Strings): HTMLElement {
	const p = el('p', 'cap-seq-model');
	p.dataset.agree = String(v.agree);
	p.append(el('span', 'sr-only', `${s.upload.model.column}: `), el('span', 'cap-seq-verdict', v.text));
	if (v.why) {
		// On a line of its own, so no locale's sentence punctuation is needed between the two.
		const link = el('a', undefined, v.why.source);
		link.href = v.why.href;
		const line = p.appendChild(el('span', 'cap-seq-why-line'));
		line.append(el('span', 'cap-seq-why', v.why.text), ' (', link, ')');
	}
	return p;
}

/** Client state | arrow with its label | server state; hidden words make it one sentence to a screen reader. */
function row(r: RowView, verdict: SegmentVerdict | null, s: Strings): HTMLLIElement {
	const li = el('li', 'cap-seq-row');
	li.dataset.dir = r.fromClient ? 'c2s' : 's2c';
	const state = (who: 'client' | 'server') => {
		const span = el('span', `cap-seq-state cap-seq-${who}`);
		span.append(el('span', 'sr-only', `${s[who]}: `), r[who]);
		if (r.moved[who]) span.dataset.moved = '';
		return span;
	};
	const arrow = el('span', 'cap-seq-arrow');
	const numbers = `seq=${r.seq} ack=${r.ack ?? '—'}${r.len ? ` len=${r.len}` : ''}`;
	const label = el('span', 'cap-seq-label');
	label.append(
		el('span', 'cap-seq-n', `${r.n}`),
		` ${r.fromClient ? '→' : '←'} `,
		el('strong', undefined, r.flags),
		` ${numbers}`,
	);
	if (r.unexplained) label.append(el('span', 'cap-seq-warn', ` ⚠ ${s.upload.unexplained}`));
	arrow.append(label);
	li.append(state('client'), arrow, state('server'));
	if (verdict) li.append(verdictLine(verdict, s));
	return li;
}

function connection(c: ConnectionView, s: Strings): HTMLElement {
	const section = el('section', 'cap-conn');
	section.append(el('h4', 'cap-conn-title', c.title));
	section.append(el('p', 'cap-note', c.midway ? `${s.upload.inferred} ${s.upload.midway}` : s.upload.inferred));
	const summary = section.appendChild(el('p', 'cap-model-summary', c.model?.summary ?? c.notCompared ?? ''));
	if (c.model) summary.dataset.agree = String(c.model.agree);
	const head = el('div', 'cap-seq-head');
	head.setAttribute('aria-hidden', 'true');
	for (const [who, addr] of [
		[s.client, c.client],
		['', ''],
		[s.server, c.server],
	] as const) {
		const end = head.appendChild(el('span', 'cap-seq-end'));
		if (who) end.append(el('strong', undefined, who), el('br'), el('code', undefined, addr));
	}
	const list = el('ol', 'cap-seq');
	list.setAttribute('aria-label', c.label);
	const start = el('li', 'cap-seq-row cap-seq-start');
	start.append(
		el('span', 'cap-seq-state cap-seq-client', c.initial.client),
		el('span', 'cap-seq-arrow'),
		el('span', 'cap-seq-state cap-seq-server', c.initial.server),
	);
	list.append(start, ...c.rows.map((r, i) => row(r, c.model?.verdicts[i] ?? null, s)));
	section.append(head, list);
	for (const line of c.model?.modelOnly ?? []) section.append(el('p', 'cap-note', line));
	if (c.more) section.append(el('p', 'cap-note', c.more));
	return section;
}

export function start(root: HTMLElement): void {
	const s = JSON.parse(root.querySelector('[data-cap-strings]')?.textContent ?? '{}') as Strings;
	const input = root.querySelector<HTMLInputElement>('[data-cap-file]')!;
	const drop = root.querySelector<HTMLElement>('[data-cap-drop]')!;
	const status = root.querySelector<HTMLElement>('[data-cap-status]')!;
	const result = root.querySelector<HTMLElement>('[data-cap-result]')!;
	const maxBytes = Number(root.dataset.maxBytes) || MAX_BYTES;
	const profiles = root.querySelector<HTMLFieldSetElement>('[data-cap-profile]')!;
	const profile = () => (profiles.querySelector<HTMLInputElement>('input:checked')?.value ?? 'linux') as ProfileName;
	let last: { bytes: Uint8Array; name: string } | null = null;

	const show = (message: string, error: boolean, nodes: Node[] = []) => {
		status.textContent = message;
		status.classList.toggle('is-error', error);
		result.replaceChildren(...nodes);
	};

	const open = async (file: File) => {
		const problem = sizeProblem(file.name, file.size, maxBytes, s.upload);
		if (problem) return show(problem, true);
		show(fill(s.upload.reading, { name: file.name }), false);
		let bytes: Uint8Array;
		try {
			bytes = new Uint8Array(await file.arrayBuffer());
		} catch {
			return show(fill(s.upload.readFailed, { name: file.name }), true);
		}
		last = { bytes, name: file.name };
		draw();
	};

	const draw = () => {
		if (!last) return;
		const analysis = analyse(last.bytes, last.name, s.upload, { profile: profile(), sources: s.sources });
		if (!analysis.ok) return show(analysis.message, true);
		show(
			[analysis.summary, ...analysis.notes].join(' '),
			false,
			analysis.connections.map((c) => connection(c, s)),
		);
	};

	profiles.addEventListener('change', draw);

	input.addEventListener('change', () => {
		const file = input.files?.[0];
		if (file) void open(file);
	});
	drop.addEventListener('dragover', (event) => {
		event.preventDefault();
		drop.classList.add('is-over');
	});
	drop.addEventListener('dragleave', () => drop.classList.remove('is-over'));
	drop.addEventListener('drop', (event) => {
		event.preventDefault();
		drop.classList.remove('is-over');
		const file = event.dataTransfer?.files[0];
		if (file) void open(file);
	});
}
