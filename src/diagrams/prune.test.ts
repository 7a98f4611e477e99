import { describe, expect, it } from 'vitest';
import { pruneUnused } from './prune';

describe('pruneUnused', () => {
	it('drops definitions nothing refers to, and the empty groups left behind, keeping what is drawn', () => {
		const svg =
			'<svg id="m1"><style>#m1 .a{stroke:url(#m1-gradient)}</style><g></g>' +
			'<defs><symbol id="m1-computer"><path d="M0 0"></path></symbol></defs>' +
			'<defs><symbol id="m1-database"><path d="M1 1"></path></symbol></defs>' +
			'<defs><marker id="m1-arrowhead"><path d="M2 2"></path></marker><marker id="m1-crosshead"><path d="M3 3"></path></marker></defs>' +
			'<linearGradient id="m1-gradient"></linearGradient><linearGradient id="m1-unused"></linearGradient>' +
			'<g class="kept"></g><use href="#m1-computer"></use>' +
			'<line marker-end="url(#m1-arrowhead)"></line></svg>';
		expect(pruneUnused(svg)).toBe(
			'<svg id="m1"><style>#m1 .a{stroke:url(#m1-gradient)}</style>' +
				'<defs><symbol id="m1-computer"><path d="M0 0"></path></symbol></defs>' +
				'<defs><marker id="m1-arrowhead"><path d="M2 2"></path></marker></defs>' +
				'<linearGradient id="m1-gradient"></linearGradient>' +
				'<g class="kept"></g><use href="#m1-computer"></use>' +
				'<line marker-end="url(#m1-arrowhead)"></line></svg>',
		);
	});

	it('keeps a definition referred to by xlink:href or from a style attribute', () => {
		const svg =
			'<svg><defs><symbol id="a"></symbol><marker id="b"></marker></defs>' +
			'<use xlink:href="#a"></use><path style="marker-start: url(#b)"></path></svg>';
		expect(pruneUnused(svg)).toBe(svg);
	});
});
