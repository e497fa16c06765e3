// A tiny SVG sparkline: fixed scale, breaks at gaps, no library.
import { SPARKLINE_GAP_MS, SPARKLINE_MAX, SPARKLINE_MIN, SPARKLINE_WINDOW_MS } from './config.js';

const WIDTH = 300;
const HEIGHT = 48;
const SVG = 'http://www.w3.org/2000/svg';

export function createSparkline(label) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('class', 'sparkline');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  const path = document.createElementNS(SVG, 'path');
  svg.append(path);
  return svg;
}

/** Redraws the line for points [[epochMs, value]] over the window ending at now. */
export function drawSparkline(svg, points, now) {
  const start = now - SPARKLINE_WINDOW_MS;
  const x = (t) => (((t - start) / SPARKLINE_WINDOW_MS) * WIDTH).toFixed(1);
  const y = (v) => {
    const clamped = Math.min(SPARKLINE_MAX, Math.max(SPARKLINE_MIN, v));
    return (HEIGHT - ((clamped - SPARKLINE_MIN) / (SPARKLINE_MAX - SPARKLINE_MIN)) * HEIGHT).toFixed(1);
  };

  const parts = [];
  let previous = null;
  for (const [t, v] of points) {
    if (t < start) {
      continue;
    }

    parts.push(previous === null || t - previous > SPARKLINE_GAP_MS ? `M${x(t)} ${y(v)}` : `L${x(t)} ${y(v)}`);
    previous = t;
  }

  svg.firstChild.setAttribute('d', parts.join(''));
}
