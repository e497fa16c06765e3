// NEWS2 history of the patient view: the stored outcomes from GET /fhir/Patient/{id}/$news2-history, drawn by uPlot as
// a step line of the score coloured by response level (the tile colours, CSS --news2-*). An incomplete outcome has no
// number: its period is a gap, shaded and labelled "incomplete" — never a zero. The plot element carries
// data-state/data-points (scored outcomes)/data-incomplete for tests.
import { authFetch } from './auth.js';

const SNOMED_NEWS2 = '1104051000000101';
const LEVEL_SYSTEM = 'https://carestream.dev/fhir/CodeSystem/news2-response-level';
export const LEVELS = Object.freeze(['low', 'low-medium', 'medium', 'high']);
const HEIGHT = 120;
const AXIS = { stroke: '#9aa7b3', grid: { stroke: '#2c3640', width: 1 }, ticks: { stroke: '#2c3640', width: 1 } };

/** A $news2-history searchset -> [{ at (epoch s), score (null when incomplete), level, missing }], oldest first. */
export function parseNews2(bundle) {
  const rows = [];
  for (const { resource: obs } of bundle.entry ?? []) {
    const at = Date.parse(obs?.effectiveDateTime ?? '');
    if (!Number.isFinite(at) || !obs.code?.coding?.some((c) => c.code === SNOMED_NEWS2)) continue;
    const score = typeof obs.valueInteger === 'number' ? obs.valueInteger : null;
    const level = obs.interpretation?.flatMap((i) => i.coding ?? []).find((c) => c.system === LEVEL_SYSTEM)?.code ?? null;
    rows.push({ at: at / 1000, score, level: score === null ? null : level, note: obs.note?.[0]?.text ?? '' });
  }

  return rows.sort((a, b) => a.at - b.at);
}

/**
 * Step-line columns for uPlot: one series per response level, so each step takes its level's colour. A step holds its
 * score until the next outcome (or `to`); an incomplete outcome ends the step and leaves a gap until the next score.
 */
export function stepData(rows, to) {
  const times = [...new Set([...rows.map((r) => r.at), to])].sort((a, b) => a - b);
  const index = new Map(times.map((t, i) => [t, i]));
  const series = LEVELS.map(() => times.map(() => null));
  const incomplete = [];
  rows.forEach((row, i) => {
    const end = i + 1 < rows.length ? rows[i + 1].at : to;
    if (row.score === null) {
      const last = incomplete.at(-1);
      if (last && last[1] === row.at) last[1] = end; else incomplete.push([row.at, end]);
      return;
    }

    const s = series[Math.max(0, LEVELS.indexOf(row.level))];
    s[index.get(row.at)] = row.score;
    if (s[index.get(end)] === null) s[index.get(end)] = row.score; // the step's end, unless the next outcome starts there
  });
  return { times, series, incomplete };
}

export async function loadNews2History(patientId, hours, now) {
  const start = new Date(now - hours * 3600 * 1000).toISOString();
  const query = new URLSearchParams({ start, end: new Date(now).toISOString() });
  const response = await authFetch(`/fhir/Patient/${encodeURIComponent(patientId)}/$news2-history?${query}`,
    { headers: { Accept: 'application/fhir+json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return { from: (now - hours * 3600 * 1000) / 1000, to: now / 1000, rows: parseNews2(await response.json()) };
}

const cssVar = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#9aa7b3';

export class News2Chart {
  constructor(container, caption) {
    this.container = container;
    this.caption = caption;
    this.plot = null;
  }

  draw({ from, to, rows }) {
    this.destroy();
    this.container.replaceChildren();
    const { times, series, incomplete } = stepData(rows, to);
    const stepped = globalThis.uPlot.paths.stepped({ align: 1 });
    const shade = (u) => {
      const { ctx } = u;
      const { top, height } = u.bbox;
      ctx.save();
      ctx.font = `${Math.round(11 * devicePixelRatio)}px system-ui, sans-serif`;
      for (const [a, b] of incomplete) {
        const x0 = u.valToPos(Math.max(a, from), 'x', true);
        const x1 = u.valToPos(Math.min(b, to), 'x', true);
        if (x1 <= x0) continue;
        ctx.fillStyle = 'rgba(125, 138, 150, 0.18)';
        ctx.fillRect(x0, top, x1 - x0, height);
        const label = 'incomplete';
        if (ctx.measureText(label).width + 8 * devicePixelRatio > x1 - x0) continue; // too narrow: the key says it
        ctx.fillStyle = cssVar('--muted');
        ctx.fillText(label, x0 + 4 * devicePixelRatio, top + 14 * devicePixelRatio);
      }
      ctx.restore();
    };
    this.plot = new globalThis.uPlot({
      width: Math.max(300, this.container.clientWidth),
      height: HEIGHT,
      series: [{}, ...LEVELS.map((level) => ({ label: level, stroke: cssVar(`--news2-${level}`), width: 2, paths: stepped, spanGaps: false, points: { show: false } }))],
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true, range: () => [from, to] }, y: { range: (u, min, max) => [-0.5, Math.max(10, max ?? 10) + 0.5] } }, // a 0 stays off the frame
      axes: [{ ...AXIS }, { ...AXIS, label: 'NEWS2', size: 50 }],
      hooks: { drawClear: [shade] },
    }, [times, ...series], this.container);
    const scored = rows.filter((r) => r.score !== null);
    const latest = rows.at(-1);
    this.container.dataset.points = String(scored.length);
    this.container.dataset.incomplete = String(incomplete.length);
    this.container.dataset.state = rows.length > 0 ? 'drawn' : 'empty';
    this.caption.textContent = latest === undefined ? 'NEWS2 — no score in this range'
      : latest.score === null ? 'NEWS2 — latest: incomplete' : `NEWS2 — latest: ${latest.score} (${latest.level})`;
    if (incomplete.length > 0) {
      this.container.append(Object.assign(document.createElement('p'), { className: 'news2-incomplete-key', textContent: 'Shaded: incomplete (a parameter not charted or not measured)' }));
    }
  }

  fail(text) {
    this.destroy();
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
