import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: string[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA plus best practices) on the page as it is now.
 * The source is evaluated through the DevTools protocol, so a strict Content-Security-Policy cannot block it.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
	return page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; html: string }[] }[] }> } }).axe;
		const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] });
		return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} → ${n.html.slice(0, 160)}`) }));
	});
}

/** Fails the test with a readable list when axe-core finds any violation on the page (none are allowed). */
export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
	const violations = await axeViolations(page);
	const report = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join('\n    ')}`).join('\n');
	expect(violations.length, `axe-core on ${label}:\n${report}`).toBe(0);
}

/** What sticks out past the right edge, to say why a page scrolls sideways. */
async function widestElements(page: Page, width: number): Promise<string[]> {
	return page.evaluate((w) => {
		const out: string[] = [];
		for (const el of Array.from(document.body.querySelectorAll('*'))) {
			const r = el.getBoundingClientRect();
			if (r.right > w + 0.5 && out.length < 8) out.push(`<${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''}> right=${Math.round(r.right)}`);
		}
		return out;
	}, width);
}

/**
 * Fails when the page scrolls sideways at the viewport width the context was made with
 * (document.documentElement.scrollWidth > width). Not `innerWidth`: a mobile context zooms out to fit a wide
 * page, so innerWidth grows with the overflow and would hide it.
 */
export async function expectNoHorizontalOverflow(page: Page, label = page.url()): Promise<void> {
	const width = page.viewportSize()?.width ?? 0;
	const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
	const culprits = scrollWidth > width ? await widestElements(page, width) : [];
	expect(scrollWidth, `${label} is ${scrollWidth} px wide at ${width} px:\n    ${culprits.join('\n    ')}`).toBeLessThanOrEqual(width);
}

/**
 * Markup rules axe-core does not enforce but the field test asked for: every `input` says its type, every `nav`
 * has a name, and `aria-label` sits only on elements with a role (on a plain div/span screen readers ignore it).
 */
export async function expectCleanMarkup(page: Page, label = page.url()): Promise<void> {
	const problems = await page.evaluate(() => {
		const out: string[] = [];
		const show = (el: Element) => el.outerHTML.slice(0, 120);
		for (const el of Array.from(document.querySelectorAll('input:not([type])'))) out.push(`input without type: ${show(el)}`);
		for (const el of Array.from(document.querySelectorAll('nav:not([aria-label]):not([aria-labelledby])'))) out.push(`nav without a name: ${show(el)}`);
		for (const el of Array.from(document.querySelectorAll('div[aria-label]:not([role]), span[aria-label]:not([role])'))) out.push(`aria-label without a role: ${show(el)}`);
		return out;
	});
	expect(problems, `markup on ${label}`).toEqual([]);
}
