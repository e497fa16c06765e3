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
    header.append(bed, patient);
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
    root.append(header, params, sparkline);
    return { root, patient, cells, sparkline, label: bedLabel(ward, bedId) };
  }

  updateTile(tile, state, bed, now) {
    const patientLabel = this.patientLabels.get(bed.patient) ?? bed.patient;
    setText(tile.patient, patientLabel);
    const spoken = [tile.label, patientLabel];
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
