// Wires the page: sign-in first, then ward selector, connection, state, staleness timer, rendering.
import { AlarmListView } from './alarm-list.js';
import { AlarmBook } from './alarms.js';
import { AlarmActions } from './alarm-actions.js';
import { AnnotateDialog } from './annotate-dialog.js';
import { signIn, signOut, userName } from './auth.js';
import { readPageOptions, STALENESS_TICK_MS } from './config.js';
import { WardConnection } from './connection.js';
import { loadHeartRateHistory, loadPatientLabels } from './fhir.js';
import { PatientView } from './patient-view.js';
import { bedLabel, WardRenderer } from './render.js';
import { SoundControls } from './sound-controls.js';
import { SystemAlarmBanner } from './system-alarms.js';
import { WardState } from './state.js';
import { discoverWards } from './wards.js';

// Patients register shortly after their first readings: look again, at most this often, while any is unknown.
const PATIENT_RELOAD_MS = 5 * 1000;

const banner = document.getElementById('connection-banner');
const signOutButton = document.getElementById('sign-out');
signOutButton.addEventListener('click', () => signOut());
try {
  // Without tokens this leaves for the login page; back from it, it redeems the code and restores ?ward=.
  await signIn();
} catch (error) {
  banner.hidden = false;
  banner.textContent = `Sign-in failed (${error.message}) — use "Sign in" to try again`;
  signOutButton.textContent = 'Sign in';
  signOutButton.hidden = false;
  throw error;
}

document.getElementById('user-name').textContent = userName();
signOutButton.hidden = false;

const options = readPageOptions(location.search);
const grid = document.getElementById('ward-grid');
const selector = document.getElementById('ward-select');
const clock = document.getElementById('clock');
const alarmList = document.getElementById('alarm-list');
const renderer = new WardRenderer(grid);
const systemAlarms = new SystemAlarmBanner(document.getElementById('system-alarm-banner'));
const alarmActions = new AlarmActions(new AnnotateDialog(document.getElementById('annotate-dialog')), (bed) => bedLabel(state.ward, bed));
const alarmView = new AlarmListView(alarmList, (action, alarm, row) => alarmActions.run(action, alarm, row));
alarmActions.view = alarmView;
const patientView = new PatientView(document.getElementById('patient-view'), () => state.now());
const sound = new SoundControls({
  enableButton: document.getElementById('sound-enable'),
  muteButton: document.getElementById('sound-mute'),
  indicator: document.getElementById('sound-indicator'),
});

let state = new WardState(options.ward, options.staleAfter);
let alarms = new AlarmBook();
let renderQueued = false;
let patientsLoadedAt = 0;
const seeded = new Set();

function render() {
  renderQueued = false;
  const now = state.now();
  renderer.render(state, now, alarms);
  const open = alarms.sorted();
  alarmView.render(open, (bed) => bedLabel(state.ward, bed), now);
  sound.update(open, now);
}

function openPatientView(tile) {
  const bed = state.beds.get(tile.dataset.bed);
  if (bed?.patient) {
    patientView.open({
      patient: bed.patient,
      bedLabel: bedLabel(state.ward, bed.bed),
      patientLabel: renderer.patientLabels.get(bed.patient) ?? bed.patient,
    }, tile);
  }
}

grid.addEventListener('click', (event) => {
  const tile = event.target.closest('article.tile');
  if (tile) {
    openPatientView(tile);
  }
});
grid.addEventListener('keydown', (event) => {
  if ((event.key === 'Enter' || event.key === ' ') && event.target.matches('article.tile')) {
    event.preventDefault();
    openPatientView(event.target);
  }
});

function queueRender() {
  if (!renderQueued) {
    renderQueued = true;
    requestAnimationFrame(render);
  }
}

async function refreshPatientLabels() {
  if (Date.now() - patientsLoadedAt < PATIENT_RELOAD_MS) {
    return;
  }

  patientsLoadedAt = Date.now();
  try {
    renderer.patientLabels = await loadPatientLabels();
    queueRender();
  } catch {
    patientsLoadedAt = 0;
  }
}

async function seedSparklines(current) {
  for (const bed of current.sortedBeds().filter((b) => b.patient)) {
    const key = `${current.ward}|${bed.bed}|${bed.patient}`;
    if (seeded.has(key)) {
      continue;
    }

    seeded.add(key);
    try {
      const points = await loadHeartRateHistory(bed.patient, current.now());
      current.seedHeartRate(bed.bed, points);
      queueRender();
    } catch {
      seeded.delete(key);
    }
  }
}

let discovered = false;
let everConnected = false;

function setStatus(status) {
  document.body.dataset.connection = status;
  if (status === 'connected' && !discovered) {
    discovered = true;
    discoverWards(state.ward).then(fillSelector);
  }

  banner.hidden = status === 'connected';
  banner.textContent = status === 'connecting' && !everConnected
    ? 'Connecting — no live data yet'
    : 'Connection lost — data may be stale';
  everConnected ||= status === 'connected';
  queueRender();
}

const connection = new WardConnection({
  onSnapshot(snapshot) {
    state.applySnapshot(snapshot);
    systemAlarms.applySnapshot(snapshot.systemAlarms);
    alarms.applySnapshot(snapshot);
    queueRender();
    if (snapshot.latest.some((u) => !renderer.patientLabels.has(u.patient))) {
      refreshPatientLabels();
    }

    seedSparklines(state);
  },
  onUpdates(updates) {
    let unknownPatient = false;
    for (const update of updates) {
      state.apply(update);
      unknownPatient ||= !renderer.patientLabels.has(update.patient);
    }

    if (unknownPatient) {
      refreshPatientLabels();
    }

    queueRender();
  },
  onNews2(score) {
    state.applyNews2(score);
    queueRender();
  },
  onMarker(marker) {
    state.applyMarker(marker);
    queueRender();
  },
  onSystemAlarm(alarm) {
    systemAlarms.apply(alarm);
  },
  onAlarm(alarm) {
    if (alarms.apply(alarm)) {
      queueRender();
    }
  },
  onResume(resumed) {
    state.applySnapshot(resumed.snapshot);
    systemAlarms.applySnapshot(resumed.snapshot.systemAlarms);
    if (resumed.gapTooOld) {
      alarms.applySnapshot(resumed.snapshot);
    } else {
      resumed.missed.forEach((alarm) => alarms.apply(alarm));
    }

    queueRender();
  },
  lastAlarmSequence: () => alarms.sequence,
  onStatus: setStatus,
  onDenied(ward) {
    banner.hidden = false;
    banner.textContent = `Not permitted: ${ward} is not one of your wards`;
  },
});

function selectWard(ward) {
  state = new WardState(ward, options.staleAfter);
  alarms = new AlarmBook();
  renderer.clear();
  const url = new URL(location.href);
  url.searchParams.set('ward', ward);
  history.replaceState(null, '', url);
  connection.follow(ward);
}

function fillSelector(wards) {
  selector.replaceChildren(...wards.map((ward) => {
    const option = document.createElement('option');
    option.value = ward;
    option.textContent = ward;
    return option;
  }));
  selector.value = state.ward;
}

selector.addEventListener('change', () => selectWard(selector.value));
fillSelector([options.ward]);

// Staleness is judged on a timer, not only when data arrives: a silent device sends nothing to react to.
setInterval(() => {
  clock.textContent = new Date(state.now()).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  render();
}, STALENESS_TICK_MS);

connection.ward = options.ward;
connection.start();
