import { describe, expect, it } from 'vitest';
import { figureHtml } from './figure';
import { mergeCss, mergeThemes } from './merge';

const FONT = 'font-family: Roboto, sans-serif';
const svg = (p: { fill: string; stop: string; important?: string; actor?: number; text?: string }) =>
	`<svg id="m1" viewBox="0 0 10 10"><style>#m1{font-family:Roboto,sans-serif;fill:${p.fill};}#m1 .actor{stroke:${p.fill}${p.important ?? ''};stroke-width:1px}</style>` +
	`<defs><linearGradient id="g"><stop offset="0" stop-color="${p.stop}"></stop></linearGradient></defs>` +
	`<g id="root-${p.actor ?? 0}"><rect class="actor" fill="#eaeaea"></rect><text style="text-anchor: middle; ${FONT};">${p.text ?? 'Client'}</text></g></svg>`;

describe('mergeThemes', () => {
	const light = svg({ fill: '#111', stop: '#aaa' });
	const dark = svg({ fill: 'hsl(1, 2%, 3%)', stop: '#bbb', actor: 40 });
	const merged = mergeThemes(light, dark, 'm1')!;

	it('turns each value that differs into a custom property, dark by default and light under data-theme=light', () => {
		expect(merged.match(/<svg/g)).toHaveLength(1);
		expect(merged).toContain('#m1{font-family:Roboto,sans-serif;fill:var(--c0);}#m1 .actor{stroke:var(--c0);stroke-width:1px}');
		expect(merged).toContain('stop-color:var(--c1)');
		expect(merged).not.toContain('stop-color="');
		expect(merged).toContain("#m1{--c0:hsl(1, 2%, 3%);--c1:#bbb}:root[data-theme='light'] #m1{--c0:#111;--c1:#aaa}");
	});

	it('keeps what both renders share, Mermaid’s counters from the light one, and drops the repeated font stack', () => {
		expect(merged).toContain('<g id="root-0">');
		expect(merged).toContain('fill="#eaeaea"');
		expect(merged).toContain('<text style="text-anchor: middle">Client</text>');
	});

	it('keeps a font family that is not the SVG’s own', () => {
		const mono = light.replace(FONT, 'font-family: monospace');
		expect(mergeThemes(mono, mono, 'm1')).toContain('<text style="text-anchor: middle; font-family: monospace">Client</text>');
	});

	it('adds nothing when the renders are the same', () => {
		const same = mergeThemes(light, light, 'm1')!;
		expect(same).not.toContain('var(--');
		expect(same.match(/<style>/g)).toHaveLength(1);
	});

	it('refuses renders that differ in more than colour, so the caller ships both', () => {
		expect(mergeThemes(light, svg({ fill: '#222', stop: '#aaa', text: 'Server' }), 'm1')).toBeUndefined();
		expect(mergeThemes(light, light.replace('<rect', '<circle').replace('</rect>', '</circle>'), 'm1')).toBeUndefined();
		expect(mergeThemes(light, light.replace('</g></svg>', '<line></line></g></svg>'), 'm1')).toBeUndefined();
		expect(mergeThemes(light, light.replace('fill="#eaeaea"', 'fill="#333"'), 'm1')).toBeUndefined();
	});
});

describe('mergeCss', () => {
	const varFor = (a: string, b: string) => `var(${a}|${b})`;

	it('keeps !important and the last declaration of a rule', () => {
		expect(mergeCss('.a{fill:red!important}', '.a{fill:blue!important}', varFor)).toBe('.a{fill:var(red|blue)!important}');
	});

	it('refuses stylesheets of different shapes', () => {
		expect(mergeCss('.a{fill:red}', '.a{stroke:red}', varFor)).toBeUndefined();
		expect(mergeCss('.a{fill:red}', '.b{fill:red}', varFor)).toBeUndefined();
		expect(mergeCss('.a{fill:red}', '.a{fill:red;stroke:red}', varFor)).toBeUndefined();
		expect(mergeCss('.a{fill:red!important}', '.a{fill:blue}', varFor)).toBeUndefined();
	});
});

describe('figureHtml', () => {
	it('shows a merged diagram once, and an unmerged pair as theme layers', () => {
		const one = figureHtml('T', { width: 10, height: 20, svg: '<svg></svg>' });
		expect(one).toContain('<div class="diagram-svg"><svg></svg></div>');
		expect(one).toContain('--diagram-width:10px;--diagram-ratio:2');
		const pair = figureHtml('T', { width: 10, height: 20, svg: { light: '<svg id="l"></svg>', dark: '<svg id="d"></svg>' } });
		expect(pair).toContain('<div class="diagram-svg diagram-light"><svg id="l"></svg></div><div class="diagram-svg diagram-dark"><svg id="d"></svg></div>');
	});
});
