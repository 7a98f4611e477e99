import { describe, expect, it } from 'vitest';
import { ladderPalette, ladderThemeCss } from './theme';

describe('the ladder’s palette', () => {
	it('is the build-time diagrams’ (src/diagrams/themes.ts), in both themes', () => {
		expect(ladderPalette('light')).toMatchObject({ '--lad-actor-bg': '#e0f2f1', '--lad-actor-line': '#00796b', '--lad-life': '#3c3f45', '--lad-bg': '#ffffff' });
		// Dark sets an actor line colour of its own; light falls back to the line colour.
		expect(ladderPalette('dark')).toMatchObject({ '--lad-actor-bg': '#10403c', '--lad-life': '#8b8f98', '--lad-text': '#eceef2' });
	});

	it('is dark by default, like Starlight’s palette, and light under data-theme="light"', () => {
		const css = ladderThemeCss();
		expect(css).toMatch(/^\.explorer\{--lad-actor-bg:#10403c;.*\}:root\[data-theme='light'\] \.explorer\{--lad-actor-bg:#e0f2f1;/);
	});
});
