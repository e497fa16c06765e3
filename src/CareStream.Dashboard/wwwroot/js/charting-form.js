// NEWS2 charting inputs that are not device vitals (RCP NEWS2: supplemental oxygen, ACVPU, SpO2 Scale 2). Nothing is
// pre-selected: the current charted values cannot be read yet, and a default must never be saved by accident.
import { requests, send } from './commands.js';

export class ChartingForm {
  constructor(form) {
    this.form = form;
    this.status = form.querySelector('.form-status');
    this.patient = null;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.save();
    });
  }

  reset(patient) {
    this.patient = patient;
    this.form.reset();
    this.status.textContent = '';
  }

  /** The form's values as the charting body, or null while a choice is missing. */
  values() {
    const data = new FormData(this.form);
    const oxygen = data.get('oxygen');
    const consciousness = data.get('consciousness');
    const scale = data.get('spo2Scale');
    if (!oxygen || !consciousness || !scale) return null;
    return { onOxygen: oxygen === 'on', consciousness, spo2Scale: Number(scale) };
  }

  async save() {
    const values = this.values();
    if (!values) {
      this.status.textContent = 'Choose oxygen, ACVPU and SpO₂ scale before saving.';
      return;
    }

    this.status.textContent = 'Saving…';
    try {
      await send(requests.charting(this.patient, values));
      this.status.textContent = 'Saved';
    } catch (error) {
      this.status.textContent = `Not saved (${error.message})`;
    }
  }
}
