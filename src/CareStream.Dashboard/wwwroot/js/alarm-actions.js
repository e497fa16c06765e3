// What the alarm buttons do: the command goes to the API (commands.js); the new state arrives as an AlarmChanged
// push, so the row only reports whether the command was accepted.
import { requests, send } from './commands.js';

const SENT = { acknowledge: 'Acknowledgement sent', 'audio-pause': 'Audio pause sent', annotate: 'Annotation sent' };

export class AlarmActions {
  /** annotateDialog: an AnnotateDialog; bedLabel(bedId) -> "Bed 4". Set `view` to the AlarmListView. */
  constructor(annotateDialog, bedLabel) {
    this.annotateDialog = annotateDialog;
    this.bedLabel = bedLabel;
    this.view = null;
  }

  async run(action, alarm, row) {
    const button = row.querySelector(`button[data-action="${action}"]`);
    let request;
    if (action === 'annotate') {
      const subject = `${alarm.priority.toUpperCase()} ${alarm.condition}, ${alarm.bed ? this.bedLabel(alarm.bed) : 'unknown bed'}`;
      const choice = await this.annotateDialog.open(subject, button);
      if (!choice) {
        return;
      }

      request = requests.annotate(alarm.patient, alarm.episodeId, choice.assessment, choice.note);
    } else if (action === 'acknowledge') {
      request = requests.acknowledge(alarm.patient, alarm.episodeId);
    } else {
      request = requests.audioPause(alarm.patient, alarm.episodeId);
    }

    this.view.message(alarm.episodeId, 'Sending…');
    try {
      await send(request);
      this.view.message(alarm.episodeId, SENT[action]);
    } catch (error) {
      this.view.message(alarm.episodeId, `Not sent (${error.message}) — try again`);
    }
  }
}
