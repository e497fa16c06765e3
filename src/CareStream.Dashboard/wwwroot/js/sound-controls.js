// The station's sound controls in the top bar: "Enable sound" (browsers need a user gesture before audio) and a
// mute toggle. State is mirrored on <body data-sound="off|on|muted|unavailable" data-cue="…"> for people and tests.
import { CuePlayer, decideCue } from './audio-cues.js';

export class SoundControls {
  constructor({ enableButton, muteButton, indicator }) {
    this.player = new CuePlayer();
    this.muted = false;
    this.enableButton = enableButton;
    this.muteButton = muteButton;
    this.indicator = indicator;
    this.decision = decideCue([], 0);
    enableButton.addEventListener('click', async () => {
      await this.player.enable();
      this.show();
    });
    muteButton.addEventListener('click', () => {
      this.muted = !this.muted;
      this.show();
    });
    this.show();
  }

  /** Re-decides on every tick (alarms changed, a pause ran out) and plays what the decision calls for. */
  update(alarms, now) {
    this.decision = decideCue(alarms, now, { muted: this.muted });
    this.player.update(this.decision);
    this.show();
  }

  show() {
    const status = this.muted ? 'muted' : this.player.status;
    const body = document.body.dataset;
    if (body.sound !== status) body.sound = status;
    if (body.cue !== this.decision.cue) body.cue = this.decision.cue;
    if (body.cueWanted !== this.decision.wanted) body.cueWanted = this.decision.wanted;
    this.enableButton.hidden = this.player.status === 'on';
    this.enableButton.textContent = this.player.status === 'unavailable' ? 'Sound unavailable' : 'Enable sound';
    this.muteButton.setAttribute('aria-pressed', String(this.muted));
    this.muteButton.textContent = this.muted ? 'Unmute alarms' : 'Mute alarms';
    const text = this.muted
      ? (this.decision.wanted === 'none' ? 'ALARM SOUND MUTED' : `ALARM SOUND MUTED — ${this.decision.wanted.toUpperCase()} alarm active`)
      : (this.player.status === 'on' ? '' : 'Alarm sound off — press Enable sound');
    if (this.indicator.textContent !== text) this.indicator.textContent = text;
    this.indicator.hidden = text === '';
  }
}
