/**
 * Inline SVG charts for the HTML report: pure functions from numbers to markup, no
 * scripts, no fonts or images fetched. Every label is escaped.
 *
 * - `lineChart`: one line per series over days (the daily ACR of each campaign) against a
 *   dashed alert line; a gap where a day has no rate. With many series the colours cycle
 *   and the dash pattern changes with each cycle, so every line stays distinguishable; the
 *   legend is HTML beside the chart (it wraps), not squeezed into the picture.
 * - `stackedBars`: one bar per day, stacked by outcome.
 */
import { formatPercent } from 'dialguard/internals';
import { escapeHtml } from './escape.js';

/**
 * One line: its points, each the index of an x label and a value (0–1), in label order; a
 * label with no point is a gap. Sparse, so many series over many days cost their points,
 * never series × labels.
 */
export interface LineSeries {
  readonly name: string;
  readonly points: readonly (readonly [index: number, value: number])[];
}

/** One layer of stacked bars. */
export interface BarLayer {
  readonly name: string;
  readonly color: string;
  readonly values: readonly number[];
}

/** Colours for lines (colour-blind-friendly first). */
export const SERIES_COLORS: readonly string[] = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#6a1b9a', '#5d4037', '#37474f', '#ad1457'];
const DASHES: readonly string[] = ['', '6 3', '2 3', '10 3 2 3'];

/** The colour and dash of series `k`. */
export function seriesStyle(k: number): { readonly color: string; readonly dash: string } {
  return { color: SERIES_COLORS[k % SERIES_COLORS.length]!, dash: DASHES[Math.floor(k / SERIES_COLORS.length) % DASHES.length]! };
}

const f1 = (n: number): string => (Math.round(n * 10) / 10).toString();

function niceStep(max: number, count = 5): number {
  if (!(max > 0)) return 1;
  const raw = max / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10) * p;
}

const W = 900;
const H = 300;
const L = 64;
const R = 16;
const T = 16;
const B = 56;

/** Which x labels to print so they do not overlap (at most ~16). */
function labelEvery(n: number): number {
  return Math.max(1, Math.ceil(n / 16));
}

/** Dates print as `MM-DD`; other labels as they are. */
const short = (label: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(label) ? label.slice(5) : label);

function xAxis(labels: readonly string[], cx: (i: number) => number, y: number): string {
  const every = labelEvery(labels.length);
  return labels
    .map((l, i) => (i % every === 0 ? `<text class="xlabel" x="${f1(cx(i))}" y="${f1(y + 18)}" text-anchor="middle">${escapeHtml(short(l))}</text>` : ''))
    .join('');
}

/** Percent with as many decimals as the step needs. */
function percent(v: number, step: number): string {
  return `${(v * 100).toFixed(step * 100 >= 1 ? 0 : step * 100 >= 0.1 ? 1 : 2)} %`;
}

/** A line chart of rates over `labels` (dates), with the alert line (`null`: none). */
export function lineChart(title: string, labels: readonly string[], series: readonly LineSeries[], alert: number | null): string {
  const n = Math.max(1, labels.length);
  const plotW = W - L - R;
  const plotH = H - T - B;
  const cx = (i: number): number => (n === 1 ? L + plotW / 2 : L + (plotW * i) / (n - 1));
  let max = Math.max(0.01, (alert ?? 0) * 1.3);
  for (const s of series) for (const [, v] of s.points) if (v > max) max = v;
  const step = niceStep(max);
  const top = Math.ceil((max * 1.05) / step) * step;
  const cy = (v: number): number => T + plotH - (v / top) * plotH;
  const out: string[] = [`<svg class="chart line-chart" data-series="${series.length}" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${escapeHtml(title)}" xmlns="http://www.w3.org/2000/svg">`];
  out.push(`<title>${escapeHtml(title)}</title>`);
  for (let v = 0; v <= top + step / 1000; v += step) {
    out.push(`<line class="grid" x1="${L}" y1="${f1(cy(v))}" x2="${W - R}" y2="${f1(cy(v))}"/><text class="ylabel" x="${L - 6}" y="${f1(cy(v) + 4)}" text-anchor="end">${percent(v, step)}</text>`);
  }
  out.push(`<line class="axis" x1="${L}" y1="${T + plotH}" x2="${W - R}" y2="${T + plotH}"/>`, xAxis(labels, cx, T + plotH));
  if (alert !== null) {
    out.push(`<line class="alert" x1="${L}" y1="${f1(cy(alert))}" x2="${W - R}" y2="${f1(cy(alert))}"><title>alert line ${escapeHtml(formatPercent(alert))}</title></line>`);
    out.push(`<text class="alert-label" x="${L + 6}" y="${f1(cy(alert) - 5)}">alert ${escapeHtml(formatPercent(alert))}</text>`);
  }
  series.forEach((s, k) => {
    const { color, dash } = seriesStyle(k);
    let d = '';
    let last = -2; // the index of the point before: a line joins only neighbouring labels
    const dots: string[] = [];
    for (const [i, v] of s.points) {
      d += `${i === last + 1 ? 'L' : 'M'}${f1(cx(i))} ${f1(cy(v))} `;
      last = i;
      dots.push(`<circle cx="${f1(cx(i))}" cy="${f1(cy(v))}" r="3" fill="${color}"><title>${escapeHtml(`${s.name} ${labels[i]}: ${formatPercent(v, alert)}`)}</title></circle>`);
    }
    out.push(
      `<g class="series" data-name="${escapeHtml(s.name)}" data-points="${dots.length}"><path d="${d.trim()}" fill="none" stroke="${color}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>${dots.join('')}</g>`,
    );
  });
  out.push('</svg>');
  return out.join('');
}

/** Stacked bars: one per label, layers bottom first. */
export function stackedBars(title: string, labels: readonly string[], layers: readonly BarLayer[], id?: string): string {
  const n = Math.max(1, labels.length);
  const plotW = W - L - R;
  const plotH = H - T - B;
  const slot = plotW / n;
  const cx = (i: number): number => L + slot * (i + 0.5);
  const totals = labels.map((_, i) => layers.reduce((a, l) => a + (l.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const step = Math.max(1, Math.round(niceStep(max)));
  const top = Math.ceil((max * 1.05) / step) * step;
  const cy = (v: number): number => T + plotH - (v / top) * plotH;
  const out: string[] = [`<svg${id === undefined ? '' : ` id="${escapeHtml(id)}"`} class="chart bar-chart" data-layers="${layers.length}" data-bars="${labels.length}" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${escapeHtml(title)}" xmlns="http://www.w3.org/2000/svg">`];
  out.push(`<title>${escapeHtml(title)}</title>`);
  for (let v = 0; v <= top; v += step) {
    out.push(`<line class="grid" x1="${L}" y1="${f1(cy(v))}" x2="${W - R}" y2="${f1(cy(v))}"/><text class="ylabel" x="${L - 6}" y="${f1(cy(v) + 4)}" text-anchor="end">${v.toLocaleString('en-GB')}</text>`);
  }
  out.push(`<line class="axis" x1="${L}" y1="${T + plotH}" x2="${W - R}" y2="${T + plotH}"/>`, xAxis(labels, cx, T + plotH));
  const width = Math.max(1, slot * 0.7);
  for (const layer of layers) {
    out.push(`<g class="layer" data-name="${escapeHtml(layer.name)}" fill="${layer.color}">`);
    labels.forEach((label, i) => {
      const below = layers.slice(0, layers.indexOf(layer)).reduce((a, l) => a + (l.values[i] ?? 0), 0);
      const v = layer.values[i] ?? 0;
      if (v <= 0) return;
      out.push(`<rect x="${f1(cx(i) - width / 2)}" y="${f1(cy(below + v))}" width="${f1(width)}" height="${f1(cy(below) - cy(below + v))}"><title>${escapeHtml(`${label} ${layer.name}: ${v}`)}</title></rect>`);
    });
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('');
}
