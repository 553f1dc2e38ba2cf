/**
 * Geometry for the dashboard's small charts, drawn as SVG by MiniChart.svelte on the server (no chart
 * library, nothing for the phone to run). Pure numbers, so they are easy to test; text stays in Svelte,
 * which escapes it.
 */
export interface ChartPoint {
	label: string;
	value: number;
}

export interface ChartGeometry {
	width: number;
	height: number;
	/** Plot area: left, top, right, bottom edges. */
	plot: { left: number; top: number; right: number; bottom: number };
	max: number;
	bars: { x: number; y: number; w: number; h: number; label: string; value: number; labelX: number }[];
	/** `x,y x,y …` for a polyline. */
	line: string;
	dots: { x: number; y: number }[];
	ticks: { y: number; value: number }[];
	/** Every how many points an x label is printed (so 12 months fit 390 px). */
	labelEvery: number;
}

/** A "nice" upper bound: 1, 2, 2.5, 5 × 10ⁿ at or above the largest value (at least 1). */
export function niceMax(value: number): number {
	if (!(value > 0)) return 1;
	const exp = Math.pow(10, Math.floor(Math.log10(value)));
	for (const m of [1, 2, 2.5, 5, 10]) if (m * exp >= value) return m * exp;
	return 10 * exp;
}

export function chartGeometry(points: ChartPoint[], width = 340, height = 160): ChartGeometry {
	const plot = { left: 44, top: 10, right: width - 6, bottom: height - 24 };
	const max = niceMax(Math.max(0, ...points.map((p) => p.value)));
	const n = Math.max(1, points.length);
	const step = (plot.right - plot.left) / n;
	const y = (v: number) => plot.bottom - (Math.max(0, v) / max) * (plot.bottom - plot.top);
	const bars = points.map((p, i) => {
		const x = plot.left + i * step + step * 0.15;
		const top = y(p.value);
		return { x: round(x), y: round(top), w: round(step * 0.7), h: round(plot.bottom - top), label: p.label, value: p.value, labelX: round(plot.left + i * step + step / 2) };
	});
	const dots = points.map((p, i) => ({ x: round(plot.left + i * step + step / 2), y: round(y(p.value)) }));
	return {
		width,
		height,
		plot,
		max,
		bars,
		dots,
		line: dots.map((d) => `${d.x},${d.y}`).join(' '),
		ticks: [0, 0.5, 1].map((f) => ({ y: round(y(max * f)), value: max * f })),
		// 12 months: every 2nd; 30 days: every 5th, so the labels never run into each other at 320 px
		labelEvery: n > 12 ? Math.ceil(n / 7) : n > 6 ? 2 : 1
	};
}

function round(v: number): number {
	return Math.round(v * 10) / 10;
}
