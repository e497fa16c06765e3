// The ward's latest values per bed and the heart-rate history, on the server's clock; pure data, no DOM.
import { SPARKLINE_WINDOW_MS } from './config.js';

export class WardState {
  constructor(ward, staleAfter) {
    this.ward = ward;
    this.staleAfter = staleAfter;
    /** bed id -> { bed, patient, values: Map(kind -> { value, unit, at }), heartRate: [[at, value]] } */
    this.beds = new Map();
    // Server time minus browser time, from the last snapshot: staleness is judged on the server's clock.
    this.clockOffsetMs = 0;
  }

  now() {
    return Date.now() + this.clockOffsetMs;
  }

  /** Replaces everything with a snapshot (on follow and after every reconnect). */
  applySnapshot(snapshot) {
    this.clockOffsetMs = Date.parse(snapshot.generatedAt) - Date.now();
    const history = new Map([...this.beds].map(([bed, b]) => [bed, b.heartRate]));
    this.beds.clear();
    for (const update of snapshot.latest) {
      this.apply(update);
    }

    for (const score of snapshot.news2 ?? []) {
      this.applyNews2(score);
    }

    for (const marker of snapshot.unassociatedDevices ?? []) {
      this.applyMarker(marker);
    }

    // The snapshot's last 15 minutes fill the sparkline at once (only the bed's current patient's points).
    for (const series of snapshot.trends ?? []) {
      const tile = this.beds.get(series.bed);
      if (series.kind === 'heartRate' && tile && tile.patient === series.patient) {
        const start = Date.parse(series.start);
        tile.heartRate = mergePoints(tile.heartRate, series.offsetsMs.map((offset, i) => [start + offset, series.values[i]]));
      }
    }

    // The sparkline history survives a reconnect; the latest values come only from the fresh snapshot.
    for (const [bed, points] of history) {
      const tile = this.beds.get(bed);
      if (tile) {
        tile.heartRate = mergePoints(points, tile.heartRate);
        trim(tile.heartRate, this.now() - SPARKLINE_WINDOW_MS);
      }
    }
  }

  /** The bed's entry, created (with no values) on first sight. */
  bedOf(bedId, patient) {
    let bed = this.beds.get(bedId);
    if (!bed) {
      bed = { bed: bedId, patient, values: new Map(), heartRate: [], news2: null, unassociated: null };
      this.beds.set(bedId, bed);
    }

    return bed;
  }

  /** Applies one pushed update; returns the bed id it touched. Older readings never replace newer ones. */
  apply(update) {
    const at = Date.parse(update.effectiveAt);
    const bed = this.bedOf(update.bed, update.patient);
    bed.patient = update.patient;
    // A patient's reading at the bed means it has its patient again (the server clears the marker too).
    bed.unassociated = null;
    const current = bed.values.get(update.kind);
    if (!current || current.at <= at) {
      bed.values.set(update.kind, { value: update.value, unit: update.unit, at });
    }

    if (update.kind === 'heartRate') {
      addPoint(bed.heartRate, at, update.value);
      trim(bed.heartRate, this.now() - SPARKLINE_WINDOW_MS);
    }

    return update.bed;
  }

  /** Applies a NEWS2 outcome (pushed or from the snapshot); an older one never replaces a newer one. */
  applyNews2(score) {
    const bed = this.bedOf(score.bed, score.patient);
    if (!bed.news2 || Date.parse(bed.news2.computedAt) <= Date.parse(score.computedAt)) {
      bed.news2 = score;
    }

    return score.bed;
  }

  /** Shows or clears a bed's "device sending without a patient" marker. */
  applyMarker(marker) {
    const bed = this.bedOf(marker.bed, null);
    bed.unassociated = marker.active ? marker : null;
    return marker.bed;
  }

  /**
   * What the tile's NEWS2 shows: { state: 'live', score, level } | { state: 'incomplete', missing } | { state: 'no-data' }.
   * Only the current patient's score, and never once it is past its validity (stale scores are not shown).
   */
  news2(bed, now = this.now()) {
    const score = bed.news2;
    if (!score || score.patient !== bed.patient || now > Date.parse(score.validUntil)) {
      return { state: 'no-data' };
    }

    if (score.missing.length > 0 || score.score === null) {
      return { state: 'incomplete', missing: score.missing };
    }

    return { state: 'live', score: score.score, level: score.responseLevel };
  }

  /** Seeds a bed's heart-rate history from the FHIR API (points may overlap live ones). */
  seedHeartRate(bedId, points) {
    const bed = this.beds.get(bedId);
    if (bed) {
      bed.heartRate = mergePoints(points, bed.heartRate);
      trim(bed.heartRate, this.now() - SPARKLINE_WINDOW_MS);
    }
  }

  /** The value to show, or null when missing or stale: a stale value is never shown. */
  fresh(bed, kind, now = this.now()) {
    const entry = bed.values.get(kind);
    if (!entry) {
      return null;
    }

    return now - entry.at > this.staleAfter[kind] * 1000 ? null : entry;
  }

  sortedBeds() {
    return [...this.beds.values()].sort((a, b) => a.bed.localeCompare(b.bed, 'en', { numeric: true }));
  }
}

function addPoint(points, at, value) {
  if (points.length === 0 || points[points.length - 1][0] < at) {
    points.push([at, value]);
  } else if (!points.some(([t]) => t === at)) {
    points.push([at, value]);
    points.sort((a, b) => a[0] - b[0]);
  }
}

function mergePoints(a, b) {
  const byTime = new Map([...a, ...b].map(([t, v]) => [t, v]));
  return [...byTime].sort((x, y) => x[0] - y[0]);
}

function trim(points, oldest) {
  let drop = 0;
  while (drop < points.length && points[drop][0] < oldest) {
    drop++;
  }

  if (drop > 0) {
    points.splice(0, drop);
  }
}
