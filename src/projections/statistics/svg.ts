/**
 * Hand-written SVG charts: no library draws an SVG without a DOM, and these two are small. Text is
 * escaped; suppressed cells are drawn as hatched bars of no length, with a note.
 */
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const FONT = 'font-family="sans-serif" font-size="11"';

export interface PyramidBar {
  label: string;
  female: number | null;
  male: number | null;
}

/** A population pyramid: youngest at the bottom, women on the right and men on the left. */
export function pyramidSvg(title: string, bars: PyramidBar[]): string {
  const width = 640;
  const rowHeight = Math.max(4, Math.min(20, Math.floor(440 / Math.max(1, bars.length))));
  const top = 40;
  const height = top + bars.length * rowHeight + 50;
  const centre = width / 2;
  const half = centre - 60;
  const max = Math.max(1, ...bars.flatMap(({ female, male }) => [female ?? 0, male ?? 0]));
  const scale = half / max;
  const labelEvery = Math.ceil(bars.length / 25);
  const rows = bars
    .map(({ label, female, male }, i) => {
      const y = top + (bars.length - 1 - i) * rowHeight;
      const bar = (value: number | null, side: 1 | -1, colour: string) => {
        if (value === null) return `<text x="${centre + side * 8}" y="${y + rowHeight - 2}" ${FONT} text-anchor="${side > 0 ? 'start' : 'end'}" fill="#999">·</text>`;
        const w = value * scale;
        return `<rect x="${side > 0 ? centre : centre - w}" y="${y}" width="${w.toFixed(2)}" height="${rowHeight - 1}" fill="${colour}"><title>${escape(label)}: ${value}</title></rect>`;
      };
      const text = i % labelEvery === 0 ? `<text x="4" y="${y + rowHeight - 2}" ${FONT}>${escape(label)}</text>` : '';
      return `${bar(male, -1, '#4a7ab5')}${bar(female, 1, '#c0504d')}${text}`;
    })
    .join('\n');
  const suppressed = bars.some(({ female, male }) => female === null || male === null);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">
<title>${escape(title)}</title>
<text x="${centre}" y="20" ${FONT} font-size="14" text-anchor="middle">${escape(title)}</text>
<text x="${centre - 10}" y="34" ${FONT} text-anchor="end">Males</text><text x="${centre + 10}" y="34" ${FONT}>Females</text>
${rows}
<line x1="${centre}" y1="${top}" x2="${centre}" y2="${top + bars.length * rowHeight}" stroke="#333"/>
<text x="${centre}" y="${height - 20}" ${FONT} text-anchor="middle">largest bar: ${max}${suppressed ? ' · a dot marks a cell suppressed to protect individuals' : ''}</text>
</svg>
`;
}

export interface Series {
  name: string;
  colour: string;
  points: Array<[x: number, y: number]>;
}

/** A line chart (projected totals by year). */
export function lineChartSvg(title: string, series: Series[]): string {
  const width = 640;
  const height = 360;
  const left = 70;
  const right = 20;
  const top = 40;
  const bottom = 40;
  const points = series.flatMap(({ points }) => points);
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs, Math.min(...xs) + 1)];
  const [y0, y1] = [0, Math.max(1, ...ys) * 1.05];
  const px = (x: number) => left + ((x - x0) / (x1 - x0)) * (width - left - right);
  const py = (y: number) => height - bottom - ((y - y0) / (y1 - y0)) * (height - top - bottom);
  const ticks = Array.from({ length: 5 }, (_, i) => (y1 * i) / 4);
  const lines = series
    .map(({ name, colour, points }, i) => {
      const path = points.map(([x, y], j) => `${j === 0 ? 'M' : 'L'}${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ');
      return `<path d="${path}" fill="none" stroke="${colour}" stroke-width="2"/><text x="${left + 10 + i * 120}" y="${top - 8}" ${FONT} fill="${colour}">${escape(name)}</text>`;
    })
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">
<title>${escape(title)}</title>
<text x="${width / 2}" y="18" ${FONT} font-size="14" text-anchor="middle">${escape(title)}</text>
${ticks.map((t) => `<line x1="${left}" y1="${py(t).toFixed(1)}" x2="${width - right}" y2="${py(t).toFixed(1)}" stroke="#ddd"/><text x="${left - 6}" y="${(py(t) + 4).toFixed(1)}" ${FONT} text-anchor="end">${Math.round(t).toLocaleString('en')}</text>`).join('\n')}
<text x="${left}" y="${height - 15}" ${FONT}>${x0}</text><text x="${width - right}" y="${height - 15}" ${FONT} text-anchor="end">${x1}</text>
${lines}
</svg>
`;
}
