// History for the patient view: raw readings (short ranges) and the 1-minute trend tier (long ranges) from the FHIR
// API, and the alarm history (FHIR Flag). Pure parsers are exported for tests; loaders return column arrays.

import { authFetch } from './auth.js';

const MDC = 'urn:iso:std:iso:11073:10101';
const LOINC = 'http://loinc.org';
const MAX_RAW_PAGES = 8; // 8 x 1000: one hour of 1 Hz readings fits with room for duplicates from two devices

/** Ranges of the patient view; up to 1 h is drawn from raw readings, longer from the 1-minute tier. */
export const RANGES = Object.freeze({ '1h': 1, '8h': 8, '24h': 24, '72h': 72 });
export const RAW_UP_TO_HOURS = 1;

/** What each chart shows: the search code (raw), the trend code, and the series it draws (LOINC per kind). */
export const CHARTS = Object.freeze([
  { key: 'hr', label: 'Heart rate', unit: '/min', code: `${MDC}|147842`, series: [{ loinc: '8867-4', mdc: '147842', label: 'HR' }] },
  { key: 'spo2', label: 'SpO₂', unit: '%', code: `${LOINC}|2708-6`, series: [{ loinc: '2708-6', label: 'SpO₂' }] },
  { key: 'rr', label: 'Respiratory rate', unit: '/min', code: `${LOINC}|9279-1`, series: [{ loinc: '9279-1', label: 'RR' }] },
  {
    key: 'nibp', label: 'Blood pressure', unit: 'mmHg', code: `${LOINC}|85354-9`,
    series: [{ loinc: '8480-6', label: 'Sys' }, { loinc: '8462-4', label: 'Dia' }, { loinc: '8478-0', label: 'Mean' }],
  },
  { key: 'temp', label: 'Temperature', unit: '°C', code: `${LOINC}|8310-5`, series: [{ loinc: '8310-5', label: 'Temp' }] },
]);

async function getJson(url) {
  const response = await authFetch(url, { headers: { Accept: 'application/fhir+json' } });
  if (!response.ok) {
    const error = new Error(`HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }

  return response.json();
}

const codes = (concept) => concept?.coding?.map((c) => c.code) ?? [];
const localUrl = (next) => { const url = new URL(next, location.href); return url.pathname + url.search; };

/** Raw searchset bundles -> { times: [epoch s], values: [[...] per chart series] }, oldest first. */
export function parseRaw(bundles, chart) {
  const rows = [];
  for (const bundle of bundles) {
    for (const { resource: obs } of bundle.entry ?? []) {
      const at = Date.parse(obs?.effectiveDateTime ?? '');
      if (!Number.isFinite(at)) continue;
      const values = chart.series.map((s) => {
        const part = obs.component?.find((c) => codes(c.code).includes(s.loinc)) ?? (codes(obs.code).includes(s.loinc) ? obs : null);
        return typeof part?.valueQuantity?.value === 'number' ? part.valueQuantity.value : null;
      });
      rows.push([at / 1000, values]);
    }
  }

  rows.sort((a, b) => a[0] - b[0]);
  return { times: rows.map((r) => r[0]), values: chart.series.map((_, i) => rows.map((r) => r[1][i])) };
}

/** A $trend Parameters resource -> { times, values (means), mins, maxs } per chart series, oldest first. */
export function parseTrend(parameters, chart) {
  const series = (parameters.parameter ?? []).filter((p) => p.name === 'series');
  const byLoinc = new Map();
  for (const s of series) {
    const code = s.part?.find((p) => p.name === 'code')?.valueCodeableConcept;
    const chartSeries = chart.series.find((c) => codes(code).includes(c.loinc) && (!c.mdc || codes(code).includes(c.mdc)));
    if (!chartSeries) continue;
    const points = new Map();
    for (const point of s.part.filter((p) => p.name === 'point')) {
      const get = (name) => point.part?.find((p) => p.name === name);
      points.set(Date.parse(get('start')?.valueInstant) / 1000,
        [get('mean')?.valueQuantity?.value ?? null, get('min')?.valueQuantity?.value ?? null, get('max')?.valueQuantity?.value ?? null]);
    }

    byLoinc.set(chartSeries.loinc, points);
  }

  const times = [...new Set([...byLoinc.values()].flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
  const column = (i) => chart.series.map((s) => times.map((t) => byLoinc.get(s.loinc)?.get(t)?.[i] ?? null));
  return { times, values: column(0), mins: column(1), maxs: column(2) };
}

/** One chart's data for the `hours` ending at `now` (epoch ms): raw readings or the trend tier. */
export async function loadChart(patientId, chart, hours, now) {
  const range = { from: (now - hours * 3600 * 1000) / 1000, to: now / 1000 };
  const from = new Date(now - hours * 3600 * 1000).toISOString();
  if (hours <= RAW_UP_TO_HOURS) {
    const query = new URLSearchParams({ patient: patientId, code: chart.code, date: `ge${from}`, _sort: 'date', _count: '1000' });
    const bundles = [];
    let url = `/fhir/Observation?${query}`;
    for (let page = 0; url && page < MAX_RAW_PAGES; page++) {
      const bundle = await getJson(url);
      bundles.push(bundle);
      const next = (bundle.link ?? []).find((l) => l.relation === 'next')?.url;
      url = next ? localUrl(next) : null;
    }

    return { source: 'raw', ...range, ...parseRaw(bundles, chart) };
  }

  const query = new URLSearchParams({ patient: patientId, code: chart.code, period: `${from}/${new Date(now).toISOString()}` });
  return { source: 'trend', ...range, ...parseTrend(await getJson(`/fhir/Observation/$trend?${query}`), chart) };
}

/** Alarm history, newest first, or null when the server has no Flag endpoint (404). */
export async function loadAlarmHistory(patientId) {
  let bundle;
  try {
    bundle = await getJson(`/fhir/Flag?${new URLSearchParams({ patient: patientId, _sort: '-date' })}`);
  } catch (error) {
    if (error.status === 404) return null;
    throw error;
  }

  return (bundle.entry ?? []).map(({ resource: flag }) => ({
    start: flag?.period?.start ?? null,
    end: flag?.period?.end ?? null,
    status: flag?.status ?? '',
    text: flag?.code?.text ?? flag?.code?.coding?.[0]?.display ?? flag?.code?.coding?.[0]?.code ?? 'alarm',
    priority: (flag?.extension ?? []).flatMap((e) => codes(e.valueCodeableConcept)).find((c) => /^P[HMLN]$/.test(c)) ?? '',
  }));
}
