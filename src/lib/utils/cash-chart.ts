import { niceMax } from './charts';

/**
 * Geometry of the cash report's chart: income and expense side by side for each day or month, drawn as SVG on the
 * server by CashChart.svelte. Pure numbers (text stays in Svelte, which escapes it). 340 × 170 scales down to a
 * 320 px screen and stays readable: at most 31 pairs of bars, x labels thinned so they never overlap.
 */
export interface PairPoint {
	label: string;
	income: number;
	expense: number;
}

export interface PairGeometry {
	width: number;
	height: number;
	plot: { left: number; top: number; right: number; bottom: number };
	max: number;
	pairs: { income: Bar; expense: Bar; label: string; labelX: number; showLabel: boolean }[];
	ticks: { y: number; value: number }[];
}

export interface Bar {
	x: number;
	y: number;
	w: number;
	h: number;
}

export function pairGeometry(points: PairPoint[], width = 340, height = 170): PairGeometry {
	const plot = { left: 46, top: 10, right: width - 6, bottom: height - 24 };
	const max = niceMax(Math.max(0, ...points.flatMap((p) => [p.income, p.expense])));
	const n = Math.max(1, points.length);
	const step = (plot.right - plot.left) / n;
	const barW = (step * 0.8) / 2;
	const y = (v: number) => plot.bottom - (Math.max(0, v) / max) * (plot.bottom - plot.top);
	const bar = (x: number, v: number): Bar => ({ x: round(x), y: round(y(v)), w: round(barW), h: round(plot.bottom - y(v)) });
	// about 7 labels fit 340 px; the last point always keeps its label
	const every = Math.max(1, Math.ceil(n / 7));
	return {
		width,
		height,
		plot,
		max,
		ticks: [0, 0.5, 1].map((f) => ({ y: round(y(max * f)), value: max * f })),
		pairs: points.map((p, i) => {
			const x0 = plot.left + i * step + step * 0.1;
			return { income: bar(x0, p.income), expense: bar(x0 + barW, p.expense), label: p.label, labelX: round(plot.left + i * step + step / 2), showLabel: (n - 1 - i) % every === 0 };
		})
	};
}

/** Short axis amounts: 1,5 jt, 250 rb. */
export function shortRupiah(v: number): string {
	if (v >= 1_000_000) return `${(v / 1_000_000).toLocaleString('id-ID', { maximumFractionDigits: 1 })} jt`;
	if (v >= 1_000) return `${(v / 1_000).toLocaleString('id-ID', { maximumFractionDigits: 0 })} rb`;
	return String(v);
}

function round(v: number): number {
	return Math.round(v * 10) / 10;
}
