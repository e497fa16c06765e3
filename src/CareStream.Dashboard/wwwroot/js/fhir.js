// Reads from the FHIR API: patient labels and recent heart-rate history. Errors leave the page live without them.
import { authFetch } from './auth.js';
import { LOINC_HEART_RATE, SPARKLINE_WINDOW_MS } from './config.js';

const MAX_PAGES = 50;

async function getBundle(url) {
  const response = await authFetch(url, { headers: { Accept: 'application/fhir+json' } });
  if (!response.ok) {
    throw new Error(`${url}: HTTP ${response.status}`);
  }

  return response.json();
}

/** Patient id -> "FAMILY, Given" (synthetic names in the simulator), following the searchset's next links. */
export async function loadPatientLabels() {
  const labels = new Map();
  let url = '/fhir/Patient';
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const bundle = await getBundle(url);
    for (const entry of bundle.entry ?? []) {
      const patient = entry.resource;
      const name = patient?.name?.[0];
      if (patient?.id && name) {
        const family = (name.family ?? '').toUpperCase();
        const given = (name.given ?? []).join(' ');
        labels.set(patient.id, given ? `${family}, ${given}` : family);
      }
    }

    const next = (bundle.link ?? []).find((l) => l.relation === 'next')?.url;
    url = next ? new URL(next, location.href).pathname + new URL(next, location.href).search : null;
  }

  return labels;
}

/** The last 15 minutes of heart rate for one patient, oldest first, as [epochMs, value] points. */
export async function loadHeartRateHistory(patientId, now) {
  const count = Math.ceil(SPARKLINE_WINDOW_MS / 1000);
  const query = new URLSearchParams({ patient: patientId, code: LOINC_HEART_RATE, _count: String(count) });
  const bundle = await getBundle(`/fhir/Observation?${query}`);
  const oldest = now - SPARKLINE_WINDOW_MS;
  const points = [];
  for (const entry of bundle.entry ?? []) {
    const observation = entry.resource;
    const at = Date.parse(observation?.effectiveDateTime ?? '');
    const value = observation?.valueQuantity?.value;
    if (Number.isFinite(at) && typeof value === 'number' && at >= oldest) {
      points.push([at, value]);
    }
  }

  return points.reverse();
}
