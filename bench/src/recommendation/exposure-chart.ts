/**
 * An SVG line chart of cumulative impressions per new merchant by hours since it opened,
 * one line per policy, plus the average incumbent for reference.
 */
export interface ChartLine {
  label: string;
  points: readonly number[];
  dashed?: boolean;
}

const colours = ['#d62728', '#7f7f7f', '#1f77b4', '#2ca02c', '#9467bd', '#ff7f0e'];
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function exposureChart(title: string, lines: readonly ChartLine[]): string {
  const width = 760;
  const height = 420;
  const pad = { left: 70, right: 230, top: 40, bottom: 50 };
  const hours = Math.max(...lines.map((l) => l.points.length));
  const top = Math.max(1, ...lines.flatMap((l) => l.points));
  const x = (h: number) => pad.left + (h / Math.max(1, hours - 1)) * (width - pad.left - pad.right);
  const y = (v: number) => height - pad.bottom - (v / top) * (height - pad.top - pad.bottom);
  const ticks = Array.from({ length: 5 }, (_, k) => (top * k) / 4);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${pad.left}" y="22" font-size="14">${escapeXml(title)}</text>`,
    `<line x1="${pad.left}" y1="${y(0)}" x2="${width - pad.right}" y2="${y(0)}" stroke="black"/>`,
    `<line x1="${pad.left}" y1="${y(0)}" x2="${pad.left}" y2="${pad.top}" stroke="black"/>`,
    ...ticks.map(
      (t) =>
        `<text x="${pad.left - 6}" y="${y(t) + 4}" text-anchor="end">${Math.round(t)}</text><line x1="${pad.left}" y1="${y(t)}" x2="${width - pad.right}" y2="${y(t)}" stroke="#eee"/>`,
    ),
    ...Array.from({ length: Math.floor((hours - 1) / 6) + 1 }, (_, k) => k * 6).map(
      (h) => `<text x="${x(h)}" y="${height - pad.bottom + 16}" text-anchor="middle">${h}</text>`,
    ),
    `<text x="${(pad.left + width - pad.right) / 2}" y="${height - 12}" text-anchor="middle">hours since the merchant opened</text>`,
    `<text transform="translate(16 ${(pad.top + height - pad.bottom) / 2}) rotate(-90)" text-anchor="middle">cumulative impressions per merchant</text>`,
  ];
  lines.forEach((line, k) => {
    const colour = line.dashed ? '#000' : (colours[k % colours.length] as string);
    const d = line.points
      .map((v, h) => `${h === 0 ? 'M' : 'L'}${x(h).toFixed(1)},${y(v).toFixed(1)}`)
      .join(' ');
    parts.push(
      `<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"${line.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
      `<line x1="${width - pad.right + 12}" y1="${pad.top + 18 * k}" x2="${width - pad.right + 34}" y2="${pad.top + 18 * k}" stroke="${colour}" stroke-width="2"${line.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
      `<text x="${width - pad.right + 40}" y="${pad.top + 18 * k + 4}">${escapeXml(line.label)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}
