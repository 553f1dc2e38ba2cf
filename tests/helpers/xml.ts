import { SaxesParser } from 'saxes';

export interface XmlElement {
	name: string;
	attributes: Record<string, string>;
	children: XmlElement[];
	text: string;
}

/** Parses XML with a strict, namespace-aware parser: anything not well-formed throws. Returns the root element. */
export function parseXml(xml: string): XmlElement {
	const parser = new SaxesParser({ xmlns: true });
	const stack: XmlElement[] = [];
	let root: XmlElement | null = null;
	parser.on('error', (e) => {
		throw e;
	});
	parser.on('opentag', (tag) => {
		const attributes: Record<string, string> = {};
		for (const [k, a] of Object.entries(tag.attributes)) attributes[k] = typeof a === 'string' ? a : a.value;
		const el: XmlElement = { name: tag.name, attributes, children: [], text: '' };
		stack.at(-1)?.children.push(el);
		root ??= el;
		stack.push(el);
	});
	parser.on('text', (t) => {
		const top = stack.at(-1);
		if (top) top.text += t;
	});
	parser.on('closetag', () => {
		stack.pop();
	});
	parser.write(xml).close();
	if (!root) throw new Error('no root element');
	return root;
}

/** Every descendant element with this (prefixed) name, in document order. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
	const out: XmlElement[] = [];
	const walk = (e: XmlElement) => {
		for (const c of e.children) {
			if (c.name === name) out.push(c);
			walk(c);
		}
	};
	walk(el);
	return out;
}
