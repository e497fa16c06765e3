// Audible alarm cues after IEC 60601-1-8: the decision (pure) and the Web Audio player.
// High: 10-pulse burst (3 + 2, pause, 3 + 2); medium: 3-pulse burst; low: no sound at the station (visual only).
// The bedside monitor keeps its own alarms; this is the distributed (secondary) alarm signal.

const RANK = { high: 3, medium: 2 };

/** Pulse timing per cue, in ms from the start of a burst, and how often a burst repeats while the cue lasts. */
export const CUE_PATTERNS = Object.freeze({
  high: Object.freeze({
    frequency: 880, pulseMs: 150, repeatMs: 7000,
    offsetsMs: Object.freeze([0, 250, 500, 1000, 1250, 2250, 2500, 2750, 3250, 3500]),
  }),
  medium: Object.freeze({ frequency: 660, pulseMs: 200, repeatMs: 15000, offsetsMs: Object.freeze([0, 320, 640]) }),
});

/** True when an open alarm still calls for sound: not acknowledged (ALARM RESET) and not audio-paused at `now`. */
export function isSounding(alarm, now) {
  if (!(alarm.priority in RANK) || alarm.status === 'acknowledged' || alarm.status === 'resolved') {
    return false;
  }

  const pausedUntil = alarm.audioPausedUntil ? Date.parse(alarm.audioPausedUntil) : NaN;
  return !(pausedUntil > now);
}

/**
 * What the station should sound now: `wanted` is the cue the open alarms call for ('high' | 'medium' | 'none'),
 * `cue` what actually plays (none while the station is muted). Pure: alarms, server time and mute in, decision out.
 */
export function decideCue(alarms, now, { muted = false } = {}) {
  let wanted = 'none';
  let sounding = 0;
  for (const alarm of alarms) {
    if (isSounding(alarm, now)) {
      sounding++;
      if ((RANK[alarm.priority] ?? 0) > (RANK[wanted] ?? 0)) {
        wanted = alarm.priority;
      }
    }
  }

  return { wanted, cue: muted ? 'none' : wanted, sounding, muted };
}

/** Plays bursts for the current decision. Browsers start audio only after a user gesture: call enable() from one. */
export class CuePlayer {
  constructor() {
    this.context = null;
    this.playing = 'none';
    this.lastBurstAt = 0;
  }

  /** 'off' until enabled, 'on' once an AudioContext runs, 'unavailable' when the browser has no audio output. */
  get status() {
    if (!this.context) {
      return this.failed ? 'unavailable' : 'off';
    }

    return this.context.state === 'running' ? 'on' : 'off';
  }

  async enable() {
    try {
      this.context ??= new AudioContext();
      await this.context.resume();
    } catch {
      this.failed = true;
      this.context = null;
    }
  }

  /** Called on every tick with the latest decision: a new or higher cue plays at once, then repeats on its period. */
  update(decision, nowMs = performance.now()) {
    const pattern = CUE_PATTERNS[decision.cue];
    if (!pattern) {
      this.playing = 'none';
      return;
    }

    if (this.status === 'on' && (decision.cue !== this.playing || nowMs - this.lastBurstAt >= pattern.repeatMs)) {
      this.burst(pattern);
      this.lastBurstAt = nowMs;
    }

    this.playing = decision.cue;
  }

  burst(pattern) {
    const start = this.context.currentTime + 0.02;
    for (const offset of pattern.offsetsMs) {
      const at = start + offset / 1000;
      const end = at + pattern.pulseMs / 1000;
      const oscillator = new OscillatorNode(this.context, { type: 'triangle', frequency: pattern.frequency });
      const gain = new GainNode(this.context, { gain: 0 });
      // Short ramps: no clicks, and a pulse shape close to IEC's rise/fall times.
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(0.3, at + 0.015);
      gain.gain.setValueAtTime(0.3, end - 0.02);
      gain.gain.linearRampToValueAtTime(0, end);
      oscillator.connect(gain).connect(this.context.destination);
      oscillator.start(at);
      oscillator.stop(end);
    }
  }
}
