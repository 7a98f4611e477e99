/**
 * The explorer's drawn and written views as HTML strings, the same for the server render and the
 * client (which sets them with innerHTML after every run): the ladder diagram, the step in words,
 * and the table. Every text goes through escapeHtml.
 */
import { SIDES } from '../../tcp/network';
import { escapeHtml as esc } from '../text';
import { LADDER, textWidth, type LadderLayout } from './layout';
import type { ExplorerRun } from './run';
import { segmentName, stepText, tableRows, whyText, type ClientStrings } from './view';

const r = (n: number) => Math.round(n * 10) / 10;
/** An element shown from step `from` on (the client hides it while fewer steps are revealed). */
const from = (n: number) => ` data-from="${n}"`;

function lines(x: number, top: number, texts: string[], anchor: 'start' | 'middle' | 'end', cls: string, extra = '') {
	// Spaces between the lines keep the words apart in the text (and in axe's label-in-name check).
	const spans = texts.map((l, i) => `<tspan x="${r(x)}" y="${r(top + LADDER.line * (i + 1) - 3)}">${esc(l)}</tspan>`).join(' ');
	return `<text class="${cls}" text-anchor="${anchor}"${extra}>${spans}</text>`;
}

/** An arrowhead at (x2, y2) pointing along the line from (x1, y1). */
function head(x1: number, y1: number, x2: number, y2: number) {
	const len = Math.hypot(x2 - x1, y2 - y1);
	const [ux, uy] = [(x2 - x1) / len, (y2 - y1) / len];
	const [bx, by] = [x2 - ux * 8, y2 - uy * 8];
	return `<path class="lad-head" d="M${r(x2)} ${r(y2)}L${r(bx - uy * 4)} ${r(by + ux * 4)}L${r(bx + uy * 4)} ${r(by - ux * 4)}Z"/>`;
}

/**
 * The ladder as SVG, named by the box it scrolls in. Each segment is a list item named in words (direction, flags, numbers, fate,
 * states after it); `live` (the client) makes the list a listbox of focusable options. Everything
 * else is drawing, hidden from assistive technology: the segments' names and the table carry its words.
 */
export function ladderSvg(run: ExplorerRun, layout: LadderLayout, t: ClientStrings, { live = false, absolute = false } = {}): string {
	const { x: X, actorHeight } = LADDER;
	const frame: string[] = [];
	for (const side of SIDES) {
		const w = Math.max(64, textWidth(t.sides[side], 12) + 20);
		frame.push(
			`<rect class="lad-actor" x="${r(X[side] - w / 2)}" y="1" width="${r(w)}" height="${actorHeight - 2}" rx="4"/>`,
			`<text class="lad-actor-name" x="${X[side]}" y="${actorHeight / 2 + 5}" text-anchor="middle">${esc(t.sides[side])}</text>`,
			`<line class="lad-life" x1="${X[side]}" y1="${actorHeight}" x2="${X[side]}" y2="${layout.lifeBottom}"/>`,
		);
	}
	for (const b of layout.breaks) {
		const zig = (x: number) => `M${x - 7} ${r(b.y - 1)}l4 -4l6 8l4 -4`;
		frame.push(`<path class="lad-break"${from(b.from)} d="${zig(X.client)}${zig(X.server)}"/>`);
	}
	for (const b of layout.brackets) {
		const tick = b.side === 'client' ? 4 : -4;
		frame.push(
			`<path class="lad-bracket is-${b.kind}"${from(b.from)} d="M${r(b.x + tick)} ${r(b.y1)}H${r(b.x)}V${r(b.y2)}H${r(b.x + tick)}"/>`,
		);
	}
	for (const d of layout.dots) frame.push(`<circle class="lad-dot"${from(d.from)} cx="${X[d.side]}" cy="${r(d.y)}" r="3"/>`);
	for (const n of layout.notes) {
		const attrs = `${from(n.from)}${n.timeWait ? ` data-tw="${n.side}"` : ''}`;
		frame.push(lines(n.x, n.y, n.lines, n.side === 'client' ? 'end' : 'start', `lad-note is-${n.kind}`, attrs));
	}

	const segments = layout.arrows.map((a, i) => {
		const s = run.steps[i]!;
		const cross = `M${r(a.x2 - 5)} ${r(a.y2 - 5)}l10 10m0 -10l-10 10`;
		const line = `x1="${r(a.x1)}" y1="${r(a.y1)}" x2="${r(a.x2)}" y2="${r(a.y2)}"`;
		const l = a.label;
		return (
			`<g class="lad-seg is-${s.fate}${s.copy ? ' is-copy' : ''}" role="${live ? 'option' : 'listitem'}" data-step="${i + 1}" aria-label="${esc(segmentName(run, i, t, absolute))}"${live ? ' tabindex="-1"' : ''}>` +
			`<line class="lad-hit" ${line}/><line class="lad-arrow" ${line}/>` +
			(a.lost ? `<path class="lad-cross" d="${cross}"/>` : head(a.x1, a.y1, a.x2, a.y2)) +
			`<rect class="lad-box" x="${r(l.x)}" y="${r(l.y)}" width="${r(l.w)}" height="${r(l.h)}" rx="3"/>` +
			lines(l.x + l.w / 2, l.y, l.lines, 'middle', 'lad-label') +
			`</g>`
		);
	});

	return (
		`<svg class="lad" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}">` +
		`<g aria-hidden="true">${frame.join('')}</g>` +
		`<g role="${live ? 'listbox' : 'list'}" aria-label="${esc(t.segments)}" data-ex-list>${segments.join('')}</g>` +
		`</svg>`
	);
}

/** Step i in words (0 = before the first segment): the panel beside the diagram. */
export const stepHtml = (run: ExplorerRun, i: number, t: ClientStrings, absolute = false): string =>
	`<p class="ex-step" data-ex-step>${esc(stepText(run, i, t, absolute))}</p><p class="ex-why" data-ex-why>${esc(whyText(run.steps[i - 1] ?? null, t))}</p>`;

/** The table's caption and body: every segment, and under each the model's reason in one sentence. */
export function tableBodyHtml(run: ExplorerRun, t: ClientStrings): string {
	return tableRows(run, t)
		.map(
			(row) =>
				`<tbody data-step="${row.step}"><tr><th scope="row">${row.step}</th>` +
				[row.direction, row.flags, row.seq, row.ack, row.client, row.server]
					.map((c, i) => `<td>${esc(c)}${i === 1 && row.lost ? ` <span class="ex-lost">${esc(t.lost)}</span>` : ''}</td>`)
					.join('') +
				`</tr><tr class="ex-why-row"><td colspan="7"><span>${esc(row.why)}</span></td></tr></tbody>`,
		)
		.join('');
}
