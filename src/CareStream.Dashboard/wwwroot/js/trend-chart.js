// One trend chart of the patient view, drawn by uPlot (vendored in lib/uplot): lines for raw readings, mean lines
// with a min–max band for the 1-minute tier. The chart element carries data-points/data-source for tests.

const COLORS = { hr: '#5fd38d', spo2: '#5cc8e8', rr: '#e8d45c', nibp: '#e6ebef', temp: '#d9a0e8' };
const SERIES_COLORS = ['#e6ebef', '#9fb0bf', '#f5a97f'];
const AXIS = { stroke: '#9aa7b3', grid: { stroke: '#2c3640', width: 1 }, ticks: { stroke: '#2c3640', width: 1 } };
const HEIGHT = 140;

/** Fixed clinical y ranges (charts compare at a glance), widened only when a value falls outside. */
const Y_RANGES = { hr: [30, 180], spo2: [80, 100], rr: [0, 40], nibp: [40, 200], temp: [34, 41] };

/** The stroke colour of each series of a chart (also used by the caption's key). */
export function seriesColor(chart, index) {
  return chart.series.length === 1 ? COLORS[chart.key] : SERIES_COLORS[index];
}

/** uPlot data and series for one loaded chart: [times, ...values] (+ min/max rows and bands for the trend tier). */
export function chartData(chart, loaded) {
  const color = (i) => seriesColor(chart, i);
  const data = [loaded.times, ...loaded.values];
  const series = [{}, ...chart.series.map((s, i) => ({ label: s.label, stroke: color(i), width: 1.5, spanGaps: false }))];
  const bands = [];
  if (loaded.source === 'trend') {
    chart.series.forEach((s, i) => {
      const max = data.push(loaded.maxs[i]) - 1;
      const min = data.push(loaded.mins[i]) - 1;
      series.push({ label: `${s.label} max`, stroke: 'transparent', width: 0, points: { show: false } },
        { label: `${s.label} min`, stroke: 'transparent', width: 0, points: { show: false } });
      bands.push({ series: [max, min], fill: `${color(i)}33` });
    });
  }

  return { data, series, bands };
}

export class TrendChart {
  constructor(container, chart) {
    this.container = container;
    this.chart = chart;
    this.plot = null;
  }

  draw(loaded) {
    this.plot?.destroy();
    this.container.replaceChildren();
    const { data, series, bands } = chartData(this.chart, loaded);
    const width = Math.max(300, this.container.clientWidth);
    const [low, high] = Y_RANGES[this.chart.key];
    this.plot = new globalThis.uPlot({
      width,
      height: HEIGHT,
      series,
      bands,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      // The whole chosen range, ending now: an hour with ten minutes of data shows ten minutes at the right edge.
      scales: {
        x: { time: true, range: () => [loaded.from, loaded.to] },
        y: { range: (u, min, max) => [Math.min(low, min ?? low), Math.max(high, max ?? high)] },
      },
      axes: [{ ...AXIS }, { ...AXIS, label: this.chart.unit, size: 50 }],
    }, data, this.container);
    const points = loaded.times.length;
    this.container.dataset.points = String(points);
    this.container.dataset.source = loaded.source;
    this.container.dataset.state = points > 0 ? 'drawn' : 'empty';
  }

  fail(text) {
    this.plot?.destroy();
    this.plot = null;
    this.container.dataset.state = 'error';
    this.container.dataset.points = '0';
    this.container.replaceChildren(Object.assign(document.createElement('p'), { className: 'chart-error', textContent: text }));
  }

  resize() {
    this.plot?.setSize({ width: Math.max(300, this.container.clientWidth), height: HEIGHT });
  }

  destroy() {
    this.plot?.destroy();
    this.plot = null;
  }
}
