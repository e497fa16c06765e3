// Every threshold and timing of the page, in one place.

/** A parameter older than this shows "no data", never its last value (seconds, by vital-sign kind). */
export const STALE_AFTER_SECONDS = Object.freeze({
  heartRate: 10,              // numerics arrive at 1 Hz
  pulseRate: 10,
  oxygenSaturation: 10,
  respiratoryRate: 10,
  bodyTemperature: 10,
  systolicBloodPressure: 20 * 60,  // NIBP cycles every 15 min at most
  diastolicBloodPressure: 20 * 60,
  meanBloodPressure: 20 * 60,
});

/** How often staleness is re-evaluated, independent of incoming data. */
export const STALENESS_TICK_MS = 1000;

/** Window of the heart-rate sparkline, and its fixed vertical scale (so tiles compare at a glance). */
export const SPARKLINE_WINDOW_MS = 15 * 60 * 1000;
export const SPARKLINE_MIN = 30;
export const SPARKLINE_MAX = 180;

/** A gap longer than this breaks the sparkline instead of drawing a line across missing data. */
export const SPARKLINE_GAP_MS = 10 * 1000;

export const DEFAULT_WARD = 'ward-1';

/** The dashboard as an OAuth client of the embedded server (DemoIdentities.DashboardScopes on the server). */
export const AUTH_CLIENT_ID = 'carestream-dashboard';
export const AUTH_SCOPES = Object.freeze([
  'openid', 'profile', 'fhirUser', 'offline_access',
  'user/Patient.rs', 'user/Observation.rs', 'user/Encounter.rs', 'user/Location.rs', 'user/Device.rs', 'user/Flag.rs',
  'user/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|vital-signs',
  'user/AuditEvent.rs',
]);

/** Refresh the access token this long before it expires (tokens live 15 min by default). */
export const TOKEN_REFRESH_MARGIN_MS = 60 * 1000;
export const HUB_PATH = '/hubs/ward';

/** LOINC heart rate, used to seed the sparkline from the FHIR API. */
export const LOINC_HEART_RATE = '8867-4';

/** Page options from the query string: `?ward=ward-2` opens that ward. Thresholds are not configurable here. */
export function readPageOptions(search) {
  const ward = new URLSearchParams(search).get('ward');
  return { ward: ward && ward.length <= 64 ? ward : DEFAULT_WARD, staleAfter: STALE_AFTER_SECONDS };
}
