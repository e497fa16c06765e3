// Bed tiles: built once per bed, then only their text and state attributes change (textContent, never HTML).
import { createSparkline, drawSparkline } from './sparkline.js';

const UNITS = { '/min': '/min', '%': '%', Cel: '°C', 'mm[Hg]': 'mmHg' };

const PARAMS = [
  { key: 'hr', label: 'HR', kinds: ['heartRate'], digits: 0 },
  { key: 'spo2', label: 'SpO₂', kinds: ['oxygenSaturation'], digits: 0 },
  { key: 'rr', label: 'RR', kinds: ['respiratoryRate'], digits: 0 },
  { key: 'nibp', label: 'NIBP', kinds: ['systolicBloodPressure', 'diastolicBloodPressure', 'meanBloodPressure'], digits: 0 },
  { key: 'temp', label: 'Temp', kinds: ['bodyTemperature'], digits: 1 },
];

const format = (value, digits) => value.toFixed(digits);

/** What one parameter shows now: { text, unit, at } or null for "no data". */
function reading(state, bed, param, now) {
  if (param.key !== 'nibp') {
    const entry = state.fresh(bed, param.kinds[0], now);
    return entry && { text: format(entry.value, param.digits), unit: UNITS[entry.unit] ?? entry.unit, at: entry.at };
  }

  const [sys, dia, mean] = param.kinds.map((kind) => state.fresh(bed, kind, now));
  if (!sys || !dia) {
    return null;
  }

  const text = `${format(sys.value, 0)}/${format(dia.value, 0)}` + (mean ? ` (${format(mean.value, 0)})` : '');
  return { text, unit: UNITS[sys.unit] ?? sys.unit, at: sys.at };
}

const LEVEL_NAMES = { low: 'low', 'low-medium': 'low–medium (single parameter 3)', medium: 'medium', high: 'high' };

const PARAMETER_NAMES = {
  respirationRate: 'respiration rate',
  oxygenSaturation: 'SpO₂',
  airOrOxygen: 'air or oxygen',
  systolicBloodPressure: 'systolic BP',
  pulse: 'pulse',
  consciousness: 'consciousness (ACVPU)',
  temperature: 'temperature',
};

/** The NEWS2 badge's text, level attribute and spoken form. */
function news2View(shown) {
  if (shown.state === 'live') {
    return { text: `NEWS2 ${shown.score}`, level: shown.level, spoken: `NEWS2 ${shown.score}, ${LEVEL_NAMES[shown.level] ?? shown.level} response level` };
  }

  if (shown.state === 'incomplete') {
    const missing = shown.missing.map((p) => PARAMETER_NAMES[p] ?? p).join(', ');
    return { text: 'NEWS2 incomplete', level: '', spoken: `NEWS2 incomplete, missing ${missing}`, title: `Missing: ${missing}` };
  }

  return { text: 'NEWS2 no data', level: '', spoken: 'NEWS2 no data' };
}

export function bedLabel(ward, bedId) {
  const local = bedId.startsWith(`${ward}-`) ? bedId.slice(ward.length + 1) : bedId;
  const match = /^bed-0*(\d+)$/.exec(local);
  return match ? `Bed ${match[1]}` : local;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) {
    node.textContent = text;
  }

  return node;
}

export class WardRenderer {
  constructor(grid) {
    this.grid = grid;
    this.tiles = new Map();
    this.patientLabels = new Map();
  }

  clear() {
    this.tiles.clear();
    this.grid.replaceChildren();
  }

  render(state, now, alarms) {
    const beds = state.sortedBeds();
    const order = [];
    for (const bed of beds) {
      let tile = this.tiles.get(bed.bed);
      if (!tile) {
        tile = this.createTile(state.ward, bed.bed);
        this.tiles.set(bed.bed, tile);
      }

      this.updateTile(tile, state, bed, now);
      // Alarm state by priority (IEC 60601-1-8 colours in the stylesheet: high red flashing, medium yellow, low cyan).
      setAttribute(tile.root, 'data-alarm', alarms?.highestFor(bed.bed) ?? '');
      order.push(tile.root);
    }

    for (const [id, tile] of this.tiles) {
      if (!state.beds.has(id)) {
        tile.root.remove();
        this.tiles.delete(id);
      }
    }

    // Keep DOM order = bed order (tab order follows it) without rebuilding tiles that are already in place.
    order.forEach((node, index) => {
      if (this.grid.children[index] !== node) {
        this.grid.insertBefore(node, this.grid.children[index] ?? null);
      }
    });
  }

  createTile(ward, bedId) {
    const root = element('article', 'tile');
    root.dataset.bed = bedId;
    root.tabIndex = 0;
    // Click or Enter opens the patient view (main.js listens on the grid).
    root.setAttribute('aria-haspopup', 'dialog');
    root.setAttribute('aria-description', 'Press Enter for trends, alarm history and charting');
    const header = element('header', 'tile-header');
    const bed = element('h2', 'bed', bedLabel(ward, bedId));
    const patient = element('span', 'patient', '');
    // NEWS2 in its response level's colour (stylesheet); the text carries the number, never a zero-filled one.
    const news2 = element('span', 'news2', 'NEWS2 no data');
    news2.dataset.state = 'no-data';
    header.append(bed, patient, news2);
    const marker = element('p', 'device-marker');
    marker.setAttribute('role', 'status');
    marker.hidden = true;
    const icon = element('span', 'device-marker-icon', '⚠');
    icon.setAttribute('aria-hidden', 'true');
    marker.append(icon, element('span', 'device-marker-text', 'Device sending without a patient'));
    const params = element('dl', 'params');
    const cells = new Map();
    for (const param of PARAMS) {
      const cell = element('div', `param param-${param.key}`);
      cell.dataset.param = param.key;
      const value = element('span', 'value', 'no data');
      const unit = element('span', 'unit', '');
      const dd = element('dd', 'reading');
      dd.append(value, unit);
      cell.append(element('dt', 'label', param.label), dd);
      params.append(cell);
      cells.set(param.key, { cell, value, unit });
    }

    const sparkline = createSparkline(`Heart rate, last 15 minutes, ${bedLabel(ward, bedId)}`);
    root.append(header, marker, params, sparkline);
    return { root, patient, news2, marker, cells, sparkline, label: bedLabel(ward, bedId) };
  }

  updateTile(tile, state, bed, now) {
    const patientLabel = bed.patient ? this.patientLabels.get(bed.patient) ?? bed.patient : 'no patient';
    setText(tile.patient, patientLabel);
    setAttribute(tile.root, 'data-patient', bed.patient ?? '');
    const spoken = [tile.label, patientLabel];
    const score = state.news2(bed, now);
    const news2 = news2View(score);
    setText(tile.news2, news2.text);
    setAttribute(tile.news2, 'data-state', score.state);
    setAttribute(tile.news2, 'data-level', news2.level);
    setAttribute(tile.news2, 'title', news2.title ?? '');
    spoken.push(news2.spoken);
    tile.marker.hidden = !bed.unassociated;
    setAttribute(tile.root, 'data-unassociated', bed.unassociated ? bed.unassociated.device : '');
    if (bed.unassociated) {
      spoken.push('device sending without a patient');
    }

    for (const param of PARAMS) {
      const { cell, value, unit } = tile.cells.get(param.key);
      const shown = reading(state, bed, param, now);
      setText(value, shown ? shown.text : 'no data');
      setText(unit, shown ? shown.unit : '');
      setAttribute(cell, 'data-state', shown ? 'live' : 'no-data');
      setAttribute(cell, 'data-at', shown ? String(shown.at) : '');
      spoken.push(`${param.label} ${shown ? `${shown.text} ${shown.unit}` : 'no data'}`);
    }

    setAttribute(tile.root, 'aria-label', spoken.join(', '));
    drawSparkline(tile.sparkline, bed.heartRate, now);
  }
}

function setText(node, text) {
  if (node.textContent !== text) {
    node.textContent = text;
  }
}

function setAttribute(node, name, value) {
  if (node.getAttribute(name) !== value) {
    node.setAttribute(name, value);
  }
}
