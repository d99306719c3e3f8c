// trade-chart.js: trade turnover over time, one series per pair (set) of provinces, from
// /v1/series?metric=trade_turnover. A line joins two neighbouring points only where the
// API says they are comparable (joins_previous: equal period lengths, no overlap);
// figures for a whole year and for nine months stay unconnected points. Chart.js is bundled (only the parts used), so the
// browser fetches nothing from anywhere but the daemon. A click on a point opens its
// source quote; the same figures are in the table under the chart for keyboards and
// screen readers.
import {
  Chart, LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Tooltip, Legend,
} from 'chart.js';
import { compact, figureValue, period, periodMidYear } from './format.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Tooltip, Legend);

// distinguishable without colour too (point shapes, dashes); each >= 3:1 against white
const STYLES = [
  { color: '#1d4ed8', point: 'circle', dash: [] },
  { color: '#b91c1c', point: 'rectRot', dash: [6, 4] },
  { color: '#15803d', point: 'triangle', dash: [2, 3] },
  { color: '#7e22ce', point: 'rect', dash: [10, 3, 2, 3] },
  { color: '#a16207', point: 'star', dash: [1, 2] },
];

// the value next to each point, so the chart reads without hovering
const pointLabels = {
  id: 'bcPointLabels',
  afterDatasetsDraw(c) {
    const { ctx } = c;
    ctx.save();
    ctx.font = '600 12px system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';
    ctx.fillStyle = '#1f2937';
    ctx.textBaseline = 'bottom';
    c.data.datasets.forEach((ds, i) => {
      const meta = c.getDatasetMeta(i);
      if (meta.hidden) return;
      meta.data.forEach((el, j) => {
        const raw = ds.data[j];
        const text = compact(raw.y);
        const w = ctx.measureText(text).width;
        let x = el.x + 12;
        if (x + w > c.chartArea.right) x = el.x - 12 - w;
        ctx.textAlign = 'left';
        ctx.fillText(text, x, el.y - 4);
      });
    });
    ctx.restore();
  },
};

let chart = null;

/** The legend entries: [{ label, color, point, dash }] for the datasets drawn. */
export function legendOf() {
  return (chart?.data.datasets ?? []).map((ds) => ({ label: ds.label, color: ds.borderColor, point: ds.pointStyle, dash: ds.borderDash }));
}

/** Render or update. byPair: the `series` of /v1/series; onPick(point, pair). Returns the undated points. */
export function renderTradeChart(canvas, byPair, onPick) {
  const undated = [];
  const datasets = [];
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  (byPair ?? []).forEach((pair, i) => {
    const style = STYLES[i % STYLES.length];
    const data = [];
    for (const p of pair.points ?? []) {
      const x = periodMidYear(p);
      if (x === null || typeof p.value !== 'number' || p.value <= 0) {
        undated.push({ point: p, pair });
        continue;
      }
      minX = Math.min(minX, x); maxX = Math.max(maxX, x);
      minY = Math.min(minY, p.value); maxY = Math.max(maxY, p.value);
      data.push({ x, y: p.value, point: p, pair, joins: p.joins_previous === true });
    }
    if (data.length === 0) return;
    data.sort((a, b) => a.x - b.x);
    datasets.push({
      label: pair.label,
      data,
      borderColor: style.color,
      backgroundColor: style.color,
      borderDash: style.dash,
      borderWidth: 2,
      pointStyle: style.point,
      pointRadius: 7,
      pointHoverRadius: 10,
      pointHitRadius: 12,
      tension: 0,
      // no line into a point that is not comparable with the one before it
      segment: { borderColor: (ctx) => (ctx.p1?.raw?.joins ? style.color : 'transparent') },
    });
  });

  const xMin = Number.isFinite(minX) ? Math.floor(minX) : 2024;
  let xMax = Number.isFinite(maxX) ? Math.ceil(maxX) : xMin + 1;
  if (xMax === xMin) xMax = xMin + 1;
  const yMin = Number.isFinite(minY) ? 10 ** Math.floor(Math.log10(minY)) : 1e8;
  const yMax = Number.isFinite(maxY) ? 10 ** Math.ceil(Math.log10(maxY)) : 1e10;

  if (chart) {
    chart.data.datasets = datasets;
    Object.assign(chart.options.scales.x, { min: xMin, max: xMax });
    Object.assign(chart.options.scales.y, { min: yMin, max: yMax });
    chart.update('none');
    return undated;
  }

  chart = new Chart(canvas, {
    type: 'line',
    plugins: [pointLabels],
    data: { datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      parsing: { xAxisKey: 'x', yAxisKey: 'y' },
      interaction: { mode: 'nearest', intersect: true },
      color: '#1f2937',
      font: { family: 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif' },
      scales: {
        x: {
          type: 'linear',
          min: xMin,
          max: xMax,
          title: { display: true, text: 'Period (middle)', color: '#374151' },
          ticks: { stepSize: 0.25, color: '#374151', autoSkip: false, maxRotation: 0,
            callback: (v) => (Number.isInteger(v) ? String(v) : '') },
          grid: { color: (ctx) => (Number.isInteger(ctx.tick?.value) ? '#9ca3af' : '#e5e7eb') },
        },
        y: {
          type: 'logarithmic',
          min: yMin,
          max: yMax,
          title: { display: true, text: 'USD (log scale)', color: '#374151' },
          ticks: {
            color: '#374151',
            autoSkip: false,
            callback: (v) => {
              const m = v / 10 ** Math.floor(Math.log10(v) + 1e-9);
              const r = Math.round(m);
              return Math.abs(m - r) < 1e-6 && [1, 2, 5].includes(r) ? compact(v) : '';
            },
          },
          grid: { color: '#e5e7eb' },
        },
      },
      plugins: {
        legend: { display: false }, // an HTML legend under the chart wraps on small screens
        tooltip: {
          callbacks: {
            title: (items) => items[0]?.raw?.pair?.label ?? '',
            label: (item) => `${figureValue(item.raw.point)} (${period(item.raw.point.period)})`,
            footer: () => 'Click for the source quote',
          },
        },
      },
      onClick: (_evt, elements) => {
        const el = elements[0];
        if (!el) return;
        const raw = chart.data.datasets[el.datasetIndex]?.data[el.index];
        if (raw) onPick(raw.point, raw.pair);
      },
      onHover: (evt, elements) => {
        evt.native.target.style.cursor = elements.length ? 'pointer' : 'default';
      },
    },
  });
  return undated;
}
