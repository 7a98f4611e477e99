/**
 * Takes over a server-rendered explorer (ScenarioExplorer.astro): every change re-runs the
 * scenario through the model (run.ts) and redraws the same markup. State lives in the page only.
 */
import { SIDES, type ProfileName, type Side } from '../../tcp';
import { fill } from '../text';
import { CLOCK_RATE, SPEEDS, type ExplorerConfig, type Speed } from './config';
import { runExplorer, type Drop, type ExplorerRun } from './run';
import { announce, both, clock, lanes, parseIsn, retransmissions, seconds, tableRows, timeline, whyText, type ClientStrings } from './view';

type Config = ExplorerConfig & { strings: ClientStrings };

const randomIsn = () => crypto.getRandomValues(new Uint32Array(1))[0]!;

function node(tag: string, className?: string, text?: string): HTMLElement {
	const el = document.createElement(tag);
	if (className) el.className = className;
	if (text !== undefined) el.textContent = text;
	return el;
}

export function start(root: HTMLElement) {
	const cfg = JSON.parse(root.querySelector('[data-explorer-config]')!.textContent!) as Config;
	const t = cfg.strings;
	const $ = <E extends Element = HTMLElement>(sel: string) => root.querySelector<E & Element>(sel)!;
	const $$ = <E extends Element = HTMLElement>(sel: string) => [...root.querySelectorAll<E & Element>(sel)];
	const ui = {
		scenario: $<HTMLSelectElement>('[data-ex-scenario]'),
		preset: root.querySelector<HTMLSelectElement>('[data-ex-preset]'),
		closers: $$<HTMLInputElement>('[data-ex-closer]'),
		isn: { client: $<HTMLInputElement>('[data-ex-isn="client"]'), server: $<HTMLInputElement>('[data-ex-isn="server"]') },
		error: $('[data-ex-error]'),
		state: { client: $('[data-ex-state="client"]'), server: $('[data-ex-state="server"]') },
		seg: $<HTMLButtonElement>('[data-ex-seg]'),
		stepno: $('[data-ex-stepno]'),
		dir: $('[data-ex-dir]'),
		time: $('[data-ex-time]'),
		flags: $('[data-ex-flags]'),
		seq: $('[data-ex-seq]'),
		ack: $('[data-ex-ack]'),
		why: $('[data-ex-why]'),
		back: $<HTMLButtonElement>('[data-ex-back]'),
		next: $<HTMLButtonElement>('[data-ex-next]'),
		play: $<HTMLButtonElement>('[data-ex-play]'),
		speed: $<HTMLSelectElement>('[data-ex-speed]'),
		undrop: $<HTMLButtonElement>('[data-ex-undrop]'),
		live: $('[data-ex-live]'),
		rows: $('[data-ex-rows]'),
		caption: $('[data-ex-caption]'),
		tracks: $('[data-ex-tracks]'),
		rtx: $('[data-ex-rtx]'),
		timewait: root.querySelector<HTMLElement>('[data-ex-timewait]'),
		countdowns: root.querySelector<HTMLElement>('[data-ex-countdowns]'),
		countdown: root.querySelector<HTMLButtonElement>('[data-ex-countdown]'),
	};
	const reduced = matchMedia('(prefers-reduced-motion: reduce)');

	const s = {
		scenario: cfg.scenarios[0]!,
		isn: { client: randomIsn(), server: randomIsn() },
		drops: [] as Drop[],
		profile: 'rfc9293' as ProfileName,
		closer: 'client' as Side,
		i: 0,
	};
	let run: ExplorerRun;
	let player: number | undefined;
	let clockTimer: number | undefined;
	let virtualNow = 0;
	// The live region speaks from the reader's first action on, not on page load.
	let speak = false;

	const compute = () =>
		runExplorer({ scenario: s.scenario, isn: s.isn, drops: s.drops, profile: s.profile, closer: s.closer, fromMs: cfg.fromMs });

	function rerun(keepStep: boolean) {
		stopPlay();
		run = compute();
		s.i = keepStep ? Math.min(s.i, run.steps.length) : 0;
		for (const side of SIDES) ui.isn[side].value = String(s.isn[side]);
		ui.undrop.hidden = s.drops.length === 0;
		ui.caption.textContent = fill(t.table.caption, { scenario: t.scenarios[s.scenario] });
		renderTable();
		renderTimeline();
		renderStep(false);
	}

	function renderTable() {
		ui.rows.replaceChildren(
			...tableRows(run, t).map((r) => {
				const tr = node('tr', r.lost ? 'is-lost' : undefined);
				const th = node('th', undefined, r.step);
				th.setAttribute('scope', 'row');
				tr.append(th, ...[r.direction, r.flags, r.seq, r.ack, r.client, r.server, r.why].map((x) => node('td', undefined, x)));
				return tr;
			}),
		);
	}

	function renderTimeline() {
		const tl = timeline(run, t);
		ui.tracks.replaceChildren(
			...lanes(tl).map(({ side, bars, marks }) => {
				const track = node('div', 'ex-track');
				track.append(node('span', 'ex-track-name', t.sides[side]));
				const lane = node('div', 'ex-lane');
				for (const b of bars) {
					const bar = node('span', 'ex-bar', b.label);
					bar.style.insetInlineStart = b.left;
					bar.style.width = b.width;
					lane.append(bar);
				}
				for (const m of marks) {
					const mark = node('span', m.lost ? 'ex-mark is-lost' : 'ex-mark', m.lost ? '✗' : '');
					mark.dataset.step = String(m.step);
					mark.style.insetInlineStart = m.left;
					lane.append(mark);
				}
				track.append(lane);
				return track;
			}),
			(() => {
				const axis = node('div', 'ex-axis');
				axis.append(node('span', undefined, '0 s'), node('span', undefined, `${seconds(tl.max)} s`));
				return axis;
			})(),
		);
		const lines = retransmissions(run, t);
		ui.rtx.replaceChildren(...(lines.length ? lines : [t.noRetransmission]).map((x) => node('li', undefined, x)));
	}

	function setStates(states: Record<Side, string>) {
		for (const side of SIDES) {
			ui.state[side].textContent = states[side];
			ui.state[side].dataset.state = states[side];
		}
	}

	function renderStep(animate: boolean) {
		const total = run.steps.length;
		const step = s.i > 0 ? run.steps[s.i - 1]! : null;
		ui.stepno.textContent = s.i === 0 ? `${t.start} · ${fill(t.step, { n: 0, total })}` : fill(t.step, { n: s.i, total });
		ui.dir.textContent = step ? t.dir[step.from] : '';
		ui.time.textContent = step ? fill(t.at, { t: seconds(step.at) }) : '';
		ui.flags.textContent = step
			? [step.flags, step.len ? fill(t.bytes, { len: step.len }) : '', step.lost ? t.lost : ''].filter(Boolean).join(' · ')
			: t.none;
		ui.seq.textContent = step ? both(step.relSeq, step.seq, t.none) : t.none;
		ui.ack.textContent = step ? both(step.relAck, step.ack, t.none) : t.none;
		ui.why.textContent = whyText(step, t);
		setStates(step ? step.states : run.start);
		// aria-disabled, not disabled: a button that disables itself under focus would drop it.
		ui.back.setAttribute('aria-disabled', String(s.i === 0));
		ui.next.setAttribute('aria-disabled', String(s.i === total));

		const seg = ui.seg;
		seg.hidden = !step;
		if (step) {
			const droppable = step.drop !== null && !step.lost;
			// The visible label first, then what selecting it does, so both name the button.
			const shown = (step.from === 'client' ? `${step.flags} →` : `← ${step.flags}`) + (step.lost ? ` ${t.lost}` : '');
			const hint = droppable ? fill(t.drop, { flags: step.flags }) : step.drop ? '' : t.cannotDrop;
			seg.replaceChildren(shown, ...(hint ? [node('span', 'sr-only', ` ${hint}`)] : []));
			seg.dataset.from = step.from;
			seg.classList.toggle('is-lost', step.lost);
			seg.setAttribute('aria-disabled', String(!droppable));
			const end = step.lost ? 'mid' : 'end';
			if (animate && !reduced.matches) {
				seg.dataset.pos = 'start';
				void seg.offsetWidth;
			}
			seg.dataset.pos = end;
		}

		for (const [k, tr] of [...ui.rows.children].entries()) {
			const current = k === s.i - 1;
			tr.classList.toggle('is-current', current);
			if (current) tr.setAttribute('aria-current', 'step');
			else tr.removeAttribute('aria-current');
		}
		for (const mark of ui.tracks.querySelectorAll<HTMLElement>('.ex-mark')) {
			const n = Number(mark.dataset.step);
			mark.classList.toggle('is-current', n === s.i);
			mark.classList.toggle('is-past', n < s.i);
		}
		if (speak) ui.live.textContent = announce(run, s.i, t);
		renderTimeWait();
	}

	/** TIME-WAIT's countdown, once the last segment has arrived, on a clock CLOCK_RATE times faster. */
	function renderTimeWait(reset = true) {
		if (!ui.timewait || !ui.countdowns || !ui.countdown) return;
		const waits = SIDES.flatMap((side) => {
			const last = run.timers.filter((x) => x.timer === 'time-wait' && x.side === side).at(-1);
			return last?.fired ? [last] : [];
		});
		const atEnd = s.i === run.steps.length && waits.length > 0;
		ui.timewait.hidden = !atEnd;
		if (!atEnd) return stopClock();
		if (reset && clockTimer === undefined) virtualNow = run.steps.at(-1)?.at ?? 0;
		const lines = waits.map((w) =>
			virtualNow >= w.endMs! ? fill(t.countdownDone, { side: t.sides[w.side] }) : fill(t.countdown, { side: t.sides[w.side], time: clock(w.endMs! - virtualNow) }),
		);
		ui.countdowns.textContent = lines.join(' ');
		const states = { ...run.steps.at(-1)!.states };
		for (const w of waits) if (virtualNow >= w.endMs!) states[w.side] = run.final[w.side];
		setStates(states);
		const done = waits.every((w) => virtualNow >= w.endMs!);
		if (done) stopClock();
		ui.countdown.disabled = done;
	}

	function startClock() {
		if (!ui.countdown || clockTimer !== undefined) return;
		let last = performance.now();
		ui.countdown.setAttribute('aria-pressed', 'true');
		ui.countdown.textContent = t.countdownPause;
		clockTimer = window.setInterval(() => {
			const now = performance.now();
			virtualNow += (now - last) * CLOCK_RATE;
			last = now;
			renderTimeWait(false);
		}, 250);
	}

	function stopClock() {
		if (clockTimer !== undefined) window.clearInterval(clockTimer);
		clockTimer = undefined;
		if (ui.countdown) {
			ui.countdown.setAttribute('aria-pressed', 'false');
			ui.countdown.textContent = `▶ ${t.countdownPlay}`;
		}
	}

	function go(i: number, animate = true) {
		const to = Math.max(0, Math.min(run.steps.length, i));
		if (to === s.i) return;
		stopClock();
		s.i = to;
		renderStep(animate);
	}

	function stopPlay() {
		if (player !== undefined) window.clearInterval(player);
		player = undefined;
		ui.play.setAttribute('aria-pressed', 'false');
		ui.play.textContent = `▶ ${t.play}`;
	}

	function startPlay() {
		if (s.i === run.steps.length) go(0, false);
		ui.play.setAttribute('aria-pressed', 'true');
		ui.play.textContent = t.pause;
		player = window.setInterval(() => {
			if (s.i < run.steps.length) go(s.i + 1);
			if (s.i === run.steps.length) {
				stopPlay();
				if (ui.timewait && !ui.timewait.hidden) startClock();
			}
		}, SPEEDS[ui.speed.value as Speed] ?? SPEEDS.normal);
	}

	function applyIsn(values: Record<Side, string>) {
		const parsed = { client: parseIsn(values.client), server: parseIsn(values.server) };
		for (const side of SIDES) ui.isn[side].setAttribute('aria-invalid', String(parsed[side] === null));
		if (parsed.client === null || parsed.server === null) {
			ui.error.textContent = t.isnError;
			return;
		}
		for (const side of SIDES) ui.isn[side].removeAttribute('aria-invalid');
		ui.error.textContent = '';
		s.isn = { client: parsed.client, server: parsed.server };
		rerun(true);
	}

	ui.scenario.addEventListener('change', () => {
		s.scenario = ui.scenario.value as typeof s.scenario;
		s.drops = [];
		rerun(false);
	});
	ui.preset?.addEventListener('change', () => {
		s.profile = ui.preset!.value as ProfileName;
		rerun(true);
	});
	for (const r of ui.closers) {
		r.addEventListener('change', () => {
			s.closer = r.value as Side;
			s.drops = [];
			rerun(false);
		});
	}
	$('[data-ex-apply]').addEventListener('click', () => applyIsn({ client: ui.isn.client.value, server: ui.isn.server.value }));
	for (const side of SIDES) {
		ui.isn[side].addEventListener('keydown', (e) => {
			if (e.key === 'Enter') applyIsn({ client: ui.isn.client.value, server: ui.isn.server.value });
		});
	}
	$('[data-ex-random]').addEventListener('click', () => applyIsn({ client: String(randomIsn()), server: String(randomIsn()) }));
	ui.back.addEventListener('click', () => go(s.i - 1));
	ui.next.addEventListener('click', () => go(s.i + 1));
	ui.play.addEventListener('click', () => (player === undefined ? startPlay() : stopPlay()));
	ui.speed.addEventListener('change', () => {
		if (player !== undefined) {
			stopPlay();
			startPlay();
		}
	});
	ui.seg.addEventListener('click', () => {
		const step = run.steps[s.i - 1];
		if (!step?.drop || step.lost) return;
		s.drops.push(step.drop);
		rerun(true);
		ui.live.textContent = `${t.dropped} ${announce(run, s.i, t)}`;
	});
	ui.undrop.addEventListener('click', () => {
		s.drops = [];
		rerun(true);
	});
	ui.countdown?.addEventListener('click', () => (clockTimer === undefined ? startClock() : stopClock()));
	root.addEventListener('keydown', (e) => {
		const target = e.target as HTMLElement;
		if (target.closest('input, select, textarea') || e.altKey || e.ctrlKey || e.metaKey) return;
		const to = { ArrowRight: s.i + 1, ArrowLeft: s.i - 1, Home: 0, End: run.steps.length }[e.key];
		if (to === undefined) return;
		e.preventDefault();
		stopPlay();
		go(to);
	});

	rerun(false);
	speak = true;
}
