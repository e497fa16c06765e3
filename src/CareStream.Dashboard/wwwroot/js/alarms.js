// The ward's open alarms, kept in step with the server's per-ward sequence numbers; pure data, no DOM.

const RANK = { high: 3, medium: 2, low: 1 };

export class AlarmBook {
  constructor() {
    /** episodeId -> alarm notification (the latest change of that episode) */
    this.open = new Map();
    /** The last ward-stream sequence number applied; a reconnect resumes after it. */
    this.sequence = null;
  }

  /** Replaces everything with the snapshot's open alarms and sequence (follow, or a gap too old to fill). */
  applySnapshot(snapshot) {
    this.open.clear();
    for (const alarm of snapshot.activeAlarms ?? []) {
      this.open.set(alarm.episodeId, alarm);
    }

    this.sequence = snapshot.sequence ?? 0;
  }

  /** Applies one change; a change already applied (same or older sequence) is ignored. Returns true if applied. */
  apply(alarm) {
    if (this.sequence !== null && alarm.sequence <= this.sequence) {
      return false;
    }

    this.sequence = alarm.sequence;
    if (alarm.status === 'resolved') {
      this.open.delete(alarm.episodeId);
    } else {
      this.open.set(alarm.episodeId, alarm);
    }

    return true;
  }

  /** Open alarms, highest priority first, then the oldest first (how nurses work the list). */
  sorted() {
    return [...this.open.values()].sort((a, b) =>
      (RANK[b.priority] ?? 0) - (RANK[a.priority] ?? 0) || Date.parse(a.raisedAt) - Date.parse(b.raisedAt));
  }

  /** The highest priority open on a bed, or null. */
  highestFor(bedId) {
    let best = null;
    for (const alarm of this.open.values()) {
      if (alarm.bed === bedId && (RANK[alarm.priority] ?? 0) > (RANK[best] ?? 0)) {
        best = alarm.priority;
      }
    }

    return best;
  }
}
