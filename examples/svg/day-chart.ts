/**
 * A day of calls as a picture, for a compliance manager who would rather look than read:
 *
 * - top panel: each campaign's Abandoned Call Rate since midnight, hour by hour, against
 *   the alert line the user set (`policy.acr.alertRate`; an alert, never a safe harbour);
 * - middle panel: calls dialled each hour, stacked by outcome (live, abandoned, silent,
 *   answer machine, unconnected);
 * - bottom panel (optional): the outcomes that matter most — abandoned and silent — on a
 *   scale of their own, since next to the unanswered calls they are slivers.
 *
 * A pure function from data to a self-contained SVG string: no scripts, no links, no
 * fonts or images fetched; every piece of text is escaped.
 */
import { escapeXml } from './escape.js';

/** A line of the top panel: rates 0–1 per hour (`null`: no rate yet). */
export interface RateSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
}

/** A layer of the stacked bars: calls per hour. */
export interface CountSeries {
  readonly name: string;
  readonly color: string;
  readonly values: readonly number[];
}

/** What the picture shows. */
export interface DayChart {
  readonly title: string;
  readonly subtitle?: string | undefined;
  /** One label per hour, e.g. `09:00`. */
  readonly hours: readonly string[];
  /** The x-axis title, e.g. `Hour of dial (Europe/London)`. */
  readonly xTitle: string;
  readonly rates: readonly RateSeries[];
  /** The alert level, 0–1; `null`: none drawn. */
  readonly alertRate: number | null;
  /** Stacked bottom first. */
  readonly counts: readonly CountSeries[];
  /**
   * Names of `counts` series drawn again in a third panel on their own scale — the outcomes
   * that matter most (abandoned, silent) are thin slivers next to the unanswered calls.
   */
  readonly highlight?: readonly string[] | undefined;
  /** Title of the third panel. */
  readonly highlightTitle?: string | undefined;
  /** Small print under the picture. */
  readonly notes?: readonly string[] | undefined;
}

const W = 1040;
const LEFT = 84;
const RIGHT = 230;
const TOP = 104;
const PANEL_H = 230;
const SMALL_H = 150;
const GAP = 100;
const LINE_COLORS = ['#1565c0', '#6a1b9a', '#00838f', '#ad1457', '#5d4037', '#37474f'];
const ALERT = '#c62828';

const f1 = (n: number): string => (Math.round(n * 10) / 10).toString();

/** A round step giving about `count` ticks up to `max`. */
export function niceStep(max: number, count = 5): number {
  if (!(max > 0)) return 1;
  const raw = max / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10) * p;
}

function text(x: number, y: number, s: string, attrs = ''): string {
  return `<text x="${f1(x)}" y="${f1(y)}"${attrs ? ` ${attrs}` : ''}>${escapeXml(s)}</text>`;
}

function percent(rate: number, step: number): string {
  const digits = step * 100 >= 1 ? 0 : step * 100 >= 0.1 ? 1 : 2;
  return `${(rate * 100).toFixed(digits)} %`;
}

/** Renders the chart as a standalone SVG document. */
export function renderDayChart(chart: DayChart): string {
  const n = Math.max(1, chart.hours.length);
  const plotW = W - LEFT - RIGHT;
  const slot = plotW / n;
  const lx = LEFT + plotW + 24;
  const cx = (i: number): number => LEFT + slot * (i + 0.5);
  const top1 = TOP;
  const top2 = TOP + PANEL_H + GAP;
  const top3 = chart.highlight !== undefined && chart.highlight.length > 0 ? top2 + PANEL_H + GAP : null;
  const bottom = top3 === null ? top2 + PANEL_H : top3 + SMALL_H;
  const notes = chart.notes ?? [];
  const H = bottom + 62 + (notes.length > 0 ? notes.length * 16 + 14 : 0);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${f1(H)}" viewBox="0 0 ${W} ${f1(H)}" font-family="Helvetica, Arial, sans-serif" font-size="12" role="img" aria-labelledby="t d">`,
  );
  out.push(`<title id="t">${escapeXml(chart.title)}</title>`);
  const panels = `Top: Abandoned Call Rate since midnight at the end of each hour, against the alert line. Then: calls dialled each hour, by outcome.${top3 === null ? '' : ` Last: ${chart.highlightTitle ?? 'selected outcomes'}.`}`;
  out.push(`<desc id="d">${escapeXml(`${panels}${chart.subtitle ? ` ${chart.subtitle}` : ''}`)}</desc>`);
  out.push(`<rect x="0" y="0" width="${W}" height="${f1(H)}" fill="#ffffff"/>`);
  out.push(text(LEFT, 30, chart.title, 'font-size="19" font-weight="bold" fill="#212121"'));
  if (chart.subtitle) out.push(text(LEFT, 54, chart.subtitle, 'font-size="13" fill="#555555"'));

  // ── top panel: ACR lines and the alert line ──
  const allRates = chart.rates.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const maxRate = Math.max(0.01, ...allRates, (chart.alertRate ?? 0) * 1.4);
  const rStep = niceStep(maxRate, 5);
  const rMax = Math.ceil((maxRate * 1.05) / rStep) * rStep;
  const ry = (r: number): number => top1 + PANEL_H - (r / rMax) * PANEL_H;
  out.push(text(LEFT, top1 - 12, 'Abandoned Call Rate since midnight (Annex 3: x / (x + y)), at the end of each hour', 'font-size="13" font-weight="bold" fill="#333333"'));
  for (let v = 0; v <= rMax + rStep / 1000; v += rStep) {
    const y = ry(v);
    out.push(`<line x1="${LEFT}" y1="${f1(y)}" x2="${LEFT + plotW}" y2="${f1(y)}" stroke="#e0e0e0" stroke-width="1"/>`);
    out.push(text(LEFT - 8, y + 4, percent(v, rStep), 'text-anchor="end" fill="#555555"'));
  }
  out.push(`<line x1="${LEFT}" y1="${top1}" x2="${LEFT}" y2="${top1 + PANEL_H}" stroke="#757575"/>`);
  out.push(`<line x1="${LEFT}" y1="${top1 + PANEL_H}" x2="${LEFT + plotW}" y2="${top1 + PANEL_H}" stroke="#757575"/>`);
  out.push(text(22, top1 + PANEL_H / 2, 'ACR', `text-anchor="middle" transform="rotate(-90 22 ${f1(top1 + PANEL_H / 2)})" font-size="13" fill="#333333"`));
  if (chart.alertRate !== null) {
    const y = ry(chart.alertRate);
    out.push(`<line x1="${LEFT}" y1="${f1(y)}" x2="${LEFT + plotW}" y2="${f1(y)}" stroke="${ALERT}" stroke-width="2" stroke-dasharray="8 5"/>`);
    out.push(text(LEFT + 8, y - 6, `alert line ${percent(chart.alertRate, 0.001)}`, `fill="${ALERT}" font-weight="bold"`));
  }
  chart.rates.forEach((s, k) => {
    const color = LINE_COLORS[k % LINE_COLORS.length] as string;
    const dash = s.name === 'all campaigns' ? ' stroke-dasharray="3 3"' : '';
    let d = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${f1(cx(i))} ${f1(ry(v))} `;
      pen = true;
    });
    if (d) out.push(`<path d="${d.trim()}" fill="none" stroke="${color}" stroke-width="2.5"${dash}/>`);
    s.values.forEach((v, i) => {
      if (v !== null) out.push(`<circle cx="${f1(cx(i))}" cy="${f1(ry(v))}" r="3.2" fill="${color}"><title>${escapeXml(`${s.name} ${chart.hours[i] ?? ''}: ${(v * 100).toFixed(2)} %`)}</title></circle>`);
    });
  });
  // legend

  out.push(text(lx, top1 + 4, 'Campaign', 'font-weight="bold" fill="#333333"'));
  chart.rates.forEach((s, k) => {
    const y = top1 + 24 + k * 20;
    const color = LINE_COLORS[k % LINE_COLORS.length] as string;
    out.push(`<line x1="${lx}" y1="${y - 4}" x2="${lx + 22}" y2="${y - 4}" stroke="${color}" stroke-width="2.5"${s.name === 'all campaigns' ? ' stroke-dasharray="3 3"' : ''}/>`);
    out.push(text(lx + 30, y, s.name, 'fill="#212121"'));
  });
  if (chart.alertRate !== null) {
    const y = top1 + 24 + chart.rates.length * 20;
    out.push(`<line x1="${lx}" y1="${y - 4}" x2="${lx + 22}" y2="${y - 4}" stroke="${ALERT}" stroke-width="2" stroke-dasharray="8 5"/>`);
    out.push(text(lx + 30, y, 'alert line (policy)', 'fill="#212121"'));
    out.push(text(lx, y + 20, 'an alert, not a safe harbour', 'font-size="11" fill="#757575"'));
    out.push(text(lx, y + 34, '(A4.12, A4.20)', 'font-size="11" fill="#757575"'));
  }

  // ── middle panel: calls per hour by outcome; bottom panel: the highlighted outcomes ──
  out.push(...barPanel(top2, PANEL_H, 'Calls dialled each hour, by outcome', 'Calls', chart.counts, chart.hours, cx, slot, lx));
  const highlighted = chart.counts.filter((c) => chart.highlight?.includes(c.name));
  if (top3 !== null) out.push(...barPanel(top3, SMALL_H, chart.highlightTitle ?? 'Selected outcomes each hour', 'Calls', highlighted, chart.hours, cx, slot, lx));

  // x-axis labels (both panels share the hours)
  const every = Math.max(1, Math.ceil(n / 16));
  for (const [top, height] of [[top1, PANEL_H], [top2, PANEL_H], ...(top3 === null ? [] : [[top3, SMALL_H]])] as const) {
    for (let i = 0; i < n; i += every) {
      const x = cx(i);
      const y = top + height;
      out.push(`<line x1="${f1(x)}" y1="${y}" x2="${f1(x)}" y2="${y + 5}" stroke="#757575"/>`);
      const label = chart.hours[i] ?? '';
      out.push(
        label.length > 5
          ? text(x, y + 18, label, `text-anchor="end" transform="rotate(-30 ${f1(x)} ${y + 18})" fill="#555555"`)
          : text(x, y + 18, label, 'text-anchor="middle" fill="#555555"'),
      );
    }
    out.push(text(LEFT + plotW / 2, top + height + 40, chart.xTitle, 'text-anchor="middle" font-size="12" fill="#333333"'));
  }
  notes.forEach((note, k) => out.push(text(LEFT, bottom + 70 + k * 16, note, 'font-size="11" fill="#616161"')));
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** A panel of stacked bars, one per hour, with its grid, axes and legend. */
function barPanel(
  top: number,
  height: number,
  title: string,
  yTitle: string,
  series: readonly CountSeries[],
  hours: readonly string[],
  cx: (i: number) => number,
  slot: number,
  lx: number,
): string[] {
  const out: string[] = [];
  const n = Math.max(1, hours.length);
  const plotW = W - LEFT - RIGHT;
  const totals = Array.from({ length: n }, (_, i) => series.reduce((s, c) => s + (c.values[i] ?? 0), 0));
  const maxCount = Math.max(1, ...totals);
  const cStep = Math.max(1, niceStep(maxCount, height > 200 ? 5 : 3));
  const cMax = Math.ceil(maxCount / cStep) * cStep;
  const cy = (c: number): number => top + height - (c / cMax) * height;
  out.push(text(LEFT, top - 12, title, 'font-size="13" font-weight="bold" fill="#333333"'));
  for (let v = 0; v <= cMax + cStep / 1000; v += cStep) {
    const y = cy(v);
    out.push(`<line x1="${LEFT}" y1="${f1(y)}" x2="${LEFT + plotW}" y2="${f1(y)}" stroke="#e0e0e0" stroke-width="1"/>`);
    out.push(text(LEFT - 8, y + 4, Math.round(v).toLocaleString('en-GB'), 'text-anchor="end" fill="#555555"'));
  }
  const barW = Math.max(2, slot * 0.72);
  for (let i = 0; i < n; i++) {
    let base = 0;
    for (const c of series) {
      const v = c.values[i] ?? 0;
      if (v <= 0) continue;
      const y0 = cy(base);
      const y1 = cy(base + v);
      out.push(
        `<rect x="${f1(cx(i) - barW / 2)}" y="${f1(y1)}" width="${f1(barW)}" height="${f1(Math.max(0.5, y0 - y1))}" fill="${escapeXml(c.color)}"><title>${escapeXml(`${hours[i] ?? ''} ${c.name}: ${v.toLocaleString('en-GB')}`)}</title></rect>`,
      );
      base += v;
    }
  }
  out.push(`<line x1="${LEFT}" y1="${top}" x2="${LEFT}" y2="${top + height}" stroke="#757575"/>`);
  out.push(`<line x1="${LEFT}" y1="${top + height}" x2="${LEFT + plotW}" y2="${top + height}" stroke="#757575"/>`);
  out.push(text(22, top + height / 2, yTitle, `text-anchor="middle" transform="rotate(-90 22 ${f1(top + height / 2)})" font-size="13" fill="#333333"`));
  out.push(text(lx, top + 4, 'Outcome', 'font-weight="bold" fill="#333333"'));
  [...series].reverse().forEach((c, k) => {
    const y = top + 24 + k * 20;
    out.push(`<rect x="${lx}" y="${y - 11}" width="14" height="14" fill="${escapeXml(c.color)}"/>`);
    const total = c.values.reduce((s, v) => s + v, 0);
    out.push(text(lx + 22, y, `${c.name} (${total.toLocaleString('en-GB')})`, 'fill="#212121"'));
  });
  return out;
}
