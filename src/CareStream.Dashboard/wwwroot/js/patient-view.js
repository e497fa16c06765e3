// The patient view (a modal dialog opened from a tile): NEWS2 history and trend charts over 1/8/24/72 h, alarm
// history, and the NEWS2 charting inputs. The NEWS2 history reloads every 15 s while open, so a new score appears.
// Closing it (Esc or the close button) returns focus to the tile.
import { CHARTS, loadAlarmHistory, loadChart, RANGES } from './history.js';
import { ChartingForm } from './charting-form.js';
import { loadNews2History, News2Chart } from './news2-history.js';
import { seriesColor, TrendChart } from './trend-chart.js';

const PRIORITY = { PH: 'HIGH', PM: 'MEDIUM', PL: 'LOW', PN: 'none' };
const NEWS2_REFRESH_MS = 15_000;
const time = (iso) => (iso ? new Date(iso).toLocaleString([], { dateStyle: 'short', timeStyle: 'medium' }) : '');

export class PatientView {
  /** now(): server time in epoch ms (the ward state's clock). */
  constructor(dialog, now) {
    this.dialog = dialog;
    this.now = now;
    this.title = dialog.querySelector('#patient-title');
    this.rangeButtons = [...dialog.querySelectorAll('button[data-range]')];
    this.history = dialog.querySelector('#alarm-history');
    this.charting = new ChartingForm(dialog.querySelector('#charting-form'));
    this.charts = CHARTS.map((chart) => {
      const figure = document.createElement('figure');
      figure.className = 'trend';
      const caption = Object.assign(document.createElement('figcaption'), { textContent: `${chart.label} (${chart.unit})` });
      if (chart.series.length > 1) {
        caption.append(...chart.series.map((s, i) => {
          const key = Object.assign(document.createElement('span'), { className: 'series-key', textContent: s.label });
          key.style.color = seriesColor(chart, i); // CSSOM, allowed by style-src 'self'
          return key;
        }));
      }
      const plot = Object.assign(document.createElement('div'), { className: 'trend-plot' });
      plot.dataset.chart = chart.key;
      plot.dataset.state = 'loading';
      figure.append(caption, plot);
      dialog.querySelector('#trend-charts').append(figure);
      return new TrendChart(plot, chart);
    });
    this.news2 = this.createNews2Chart(dialog.querySelector('#trend-charts'));
    this.range = '1h';
    this.refresh = null;
    this.patient = null;
    this.returnFocus = null;
    this.generation = 0;
    dialog.querySelector('#patient-close').addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => this.closed());
    this.rangeButtons.forEach((b) => b.addEventListener('click', () => this.showRange(b.dataset.range)));
    new ResizeObserver(() => [this.news2, ...this.charts].forEach((c) => c.resize())).observe(dialog.querySelector('#trend-charts'));
  }

  open({ patient, bedLabel, patientLabel }, returnFocus) {
    this.patient = patient;
    this.returnFocus = returnFocus;
    this.title.textContent = `${bedLabel} · ${patientLabel}`;
    this.dialog.dataset.patient = patient;
    this.charting.reset(patient);
    this.dialog.showModal();
    this.showRange('1h');
    this.loadHistory();
    this.refresh = setInterval(() => this.loadNews2(this.generation), NEWS2_REFRESH_MS);
  }

  createNews2Chart(parent) {
    const figure = Object.assign(document.createElement('figure'), { className: 'trend news2-history' });
    const caption = Object.assign(document.createElement('figcaption'), { textContent: 'NEWS2' });
    const plot = Object.assign(document.createElement('div'), { className: 'trend-plot news2-plot' });
    plot.dataset.chart = 'news2';
    plot.dataset.state = 'loading';
    figure.append(caption, plot);
    parent.prepend(figure);
    return new News2Chart(plot, caption);
  }

  async loadNews2(generation) {
    try {
      const loaded = await loadNews2History(this.patient, RANGES[this.range], this.now());
      if (generation === this.generation) this.news2.draw(loaded);
    } catch (error) {
      if (generation === this.generation) this.news2.fail(`NEWS2 history not available (${error.message})`);
    }
  }

  closed() {
    this.generation++;
    clearInterval(this.refresh);
    this.patient = null;
    [this.news2, ...this.charts].forEach((c) => c.destroy());
    this.returnFocus?.focus();
  }

  async showRange(range) {
    const hours = RANGES[range];
    const generation = ++this.generation;
    this.rangeButtons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.range === range)));
    this.dialog.dataset.range = range;
    this.range = range;
    const now = this.now();
    this.news2.container.dataset.state = 'loading';
    await Promise.all([this.loadNews2(generation), ...this.charts.map(async (chart) => {
      chart.container.dataset.state = 'loading';
      try {
        const loaded = await loadChart(this.patient, chart.chart, hours, now);
        if (generation === this.generation) chart.draw(loaded);
      } catch (error) {
        if (generation === this.generation) chart.fail(`Trend not available (${error.message})`);
      }
    })]);
  }

  async loadHistory() {
    const patient = this.patient;
    const list = this.history;
    list.replaceChildren(Object.assign(document.createElement('li'), { textContent: 'Loading…' }));
    let flags;
    try {
      flags = await loadAlarmHistory(patient);
    } catch (error) {
      flags = error;
    }

    if (patient !== this.patient) return;
    const item = (text, className = '') => Object.assign(document.createElement('li'), { textContent: text, className });
    if (flags === null || flags instanceof Error) {
      list.dataset.state = 'unavailable';
      list.replaceChildren(item(flags === null ? 'Alarm history not available' : `Alarm history not available (${flags.message})`, 'muted'));
      return;
    }

    list.dataset.state = 'loaded';
    list.replaceChildren(...(flags.length === 0 ? [item('No alarms recorded', 'muted')] : flags.map((f) =>
      item(`${time(f.start)}${f.end ? ` – ${time(f.end)}` : ''} · ${PRIORITY[f.priority] ?? ''} ${f.text} · ${f.status}`.trim()))));
  }
}
