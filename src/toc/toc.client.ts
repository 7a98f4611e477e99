/**
 * The current section in the table of contents (TableOfContents.astro says why not Starlight's
 * script): the links' own headings are read once, and on each scroll frame the last heading above a
 * line just under the header marks its link `aria-current="true"`, as Starlight's styles expect.
 */
import { currentIndex } from './current';

/** How far below the header (and the phone's table-of-contents bar) a heading counts as reached:
 *  past where a link to it scrolls it (Starlight's scroll-padding-top), so a followed link marks it. */
const REACHED = 85;

class SynackToc extends HTMLElement {
	private links: HTMLAnchorElement[] = [];
	private headings: HTMLElement[] = [];
	private current: HTMLAnchorElement | undefined;
	private frame = 0;

	connectedCallback() {
		const idle = window.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 1));
		idle(() => this.start());
	}

	private start() {
		for (const link of this.querySelectorAll('a')) {
			const heading = document.getElementById(decodeURIComponent(link.hash.slice(1)));
			if (!heading) continue;
			this.links.push(link);
			this.headings.push(heading);
		}
		if (!this.links.length) return;
		const schedule = () => (this.frame ||= requestAnimationFrame(() => this.update()));
		addEventListener('scroll', schedule, { passive: true });
		addEventListener('resize', schedule, { passive: true });
		this.update();
	}

	private update() {
		this.frame = 0;
		const header = document.querySelector('header')?.getBoundingClientRect().bottom ?? 0;
		const bar = this.querySelector('summary')?.getBoundingClientRect().height ?? 0;
		const tops = this.headings.map((h) => h.getBoundingClientRect().top);
		this.show(this.links[currentIndex(tops, header + bar + REACHED)]!);
	}

	protected show(link: HTMLAnchorElement) {
		if (link === this.current) return;
		this.current?.removeAttribute('aria-current');
		link.setAttribute('aria-current', 'true');
		this.current = link;
	}
}

/** The phone's table of contents: a disclosure naming the current section, closed by a followed
 *  link, a click outside it, or Escape (focus then returns to its summary). */
class MobileSynackToc extends SynackToc {
	override connectedCallback() {
		super.connectedCallback();
		const details = this.querySelector('details');
		if (!details) return;
		const close = () => (details.open = false);
		for (const link of details.querySelectorAll('a')) link.addEventListener('click', close);
		addEventListener('click', (event) => details.contains(event.target as Node) || close());
		addEventListener('keydown', (event) => {
			if (event.key !== 'Escape' || !details.open) return;
			const hadFocus = details.contains(document.activeElement);
			close();
			if (hadFocus) details.querySelector('summary')?.focus();
		});
	}

	protected override show(link: HTMLAnchorElement) {
		super.show(link);
		const label = this.querySelector('.display-current');
		if (label) label.textContent = link.textContent;
	}
}

customElements.define('synack-toc', SynackToc);
customElements.define('mobile-synack-toc', MobileSynackToc);
