/** Takes over the server-rendered StateMachineExplorer in place (same markup, now live). */
import { createDriver, TRANSITIONS, type EventOutcome, type TransitionEvent } from '../../tcp';
import { targetNode } from './diagram';
import { fill } from '../text';
import { announce, figureIndex, moved, pathItems, resultText, type StateMachineStrings } from './view';

export function start(root: HTMLElement): void {
	const s = JSON.parse(root.querySelector('[data-sm-strings]')?.textContent ?? '{}') as StateMachineStrings;
	const all = <E extends Element>(sel: string) => [...root.querySelectorAll<E>(sel)];
	const buttons = all<HTMLButtonElement>('button[data-event]');
	const message = root.querySelector<HTMLElement>('[data-sm-message]')!;
	const current = root.querySelector<HTMLElement>('[data-sm-current]')!;
	const path = root.querySelector<HTMLOListElement>('[data-sm-path]')!;
	const svg = root.querySelector<SVGSVGElement>('svg')!;
	const driver = createDriver();
	let taken: EventOutcome[] = [];

	const render = () => {
		for (const b of buttons) {
			const o = driver.probe(b.dataset.event as TransitionEvent);
			b.dataset.valid = String(moved(o));
			b.querySelector('.sm-event-result')!.textContent = resultText(o, s);
		}
		const last = taken.at(-1);
		const edge = last ? figureIndex(last) : -1;
		const node = last ? (edge >= 0 ? targetNode(TRANSITIONS[edge]!) : last.to) : 'CLOSED';
		for (const n of all<SVGGElement>('[data-node]')) n.classList.toggle('is-current', n.dataset.node === node);
		for (const e of all<SVGGElement>('g[data-edge]')) e.classList.toggle('is-last', e.dataset.edge === String(edge));
		for (const row of all<HTMLTableRowElement>('tr[data-edge]')) {
			const on = row.dataset.edge === String(edge);
			row.classList.toggle('is-last', on);
			row.querySelector<HTMLElement>('.sm-last-tag')!.hidden = !on;
		}
		svg.setAttribute('aria-label', fill(s.diagramLabel, { state: driver.state }));
		current.textContent = fill(s.currentState, { state: driver.state });
		path.replaceChildren(
			...pathItems(taken).map((item, i, list) => {
				const li = document.createElement('li');
				if (item.event) {
					const ev = li.appendChild(document.createElement('span'));
					ev.className = 'sm-path-event';
					ev.textContent = `${s.events[item.event]} →`;
				}
				const st = li.appendChild(document.createElement('span'));
				st.className = 'sm-path-state';
				st.textContent = item.state;
				if (i === list.length - 1) li.setAttribute('aria-current', 'step');
				return li;
			}),
		);
	};

	root.querySelector('[data-sm-events]')!.addEventListener('click', (ev) => {
		const button = (ev.target as Element).closest<HTMLButtonElement>('button[data-event]');
		if (!button) return;
		const o = driver.apply(button.dataset.event as TransitionEvent);
		if (moved(o)) taken = [...taken, o];
		render();
		message.textContent = announce(o, s);
	});

	// Arrow keys, Home and End move between the event buttons (Tab still reaches each one).
	root.querySelector('[data-sm-events]')!.addEventListener('keydown', (ev) => {
		const e = ev as KeyboardEvent;
		const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
		if (i < 0) return;
		const next = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: buttons.length - 1 }[e.key];
		if (next === undefined) return;
		e.preventDefault();
		buttons[(next + buttons.length) % buttons.length]!.focus();
	});

	root.querySelector('[data-sm-reset]')!.addEventListener('click', () => {
		driver.reset();
		taken = [];
		render();
		message.textContent = s.start;
	});
}
