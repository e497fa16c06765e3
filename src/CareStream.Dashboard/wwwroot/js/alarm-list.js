// The alarm list above the grid: one row per open alarm, priority then age, with its actions. Rows are kept per
// episode and only their text and attributes change, so a focused button keeps its focus across the 1 s refresh.
import { AUDIO_PAUSE_MINUTES } from './commands.js';

const PRIORITY_LABEL = { high: 'HIGH', medium: 'MEDIUM', low: 'LOW' };

function cell(tag, className, text = '') {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = text;
  return node;
}

function button(action, text) {
  const node = cell('button', `alarm-action action-${action}`, text);
  node.type = 'button';
  node.dataset.action = action;
  return node;
}

function set(node, name, value) {
  if (name === 'text') {
    if (node.textContent !== value) node.textContent = value;
  } else if (node.getAttribute(name) !== value) {
    node.setAttribute(name, value);
  }
}

/** "1:42" for the time left of an audio pause, or null when not paused at `now`. */
export function pauseRemaining(alarm, now) {
  const until = alarm.audioPausedUntil ? Date.parse(alarm.audioPausedUntil) : NaN;
  if (!(until > now)) {
    return null;
  }

  const seconds = Math.ceil((until - now) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export class AlarmListView {
  /** onAction(action, alarm, row): 'acknowledge' | 'audio-pause' | 'annotate'. */
  constructor(list, onAction) {
    this.list = list;
    this.rows = new Map();
    this.none = cell('li', 'alarm-none', 'No active alarms');
    list.addEventListener('click', (event) => {
      const target = event.target.closest('button[data-action]');
      const row = target?.closest('li.alarm');
      const alarm = row && this.rows.get(row.dataset.episode)?.alarm;
      if (alarm && !target.disabled) {
        onAction(target.dataset.action, alarm, row);
      }
    });
  }

  render(alarms, bedLabel, now) {
    const order = alarms.map((alarm) => {
      let row = this.rows.get(alarm.episodeId);
      if (!row) {
        row = this.create(alarm.episodeId);
        this.rows.set(alarm.episodeId, row);
      }

      this.update(row, alarm, bedLabel, now);
      return row.root;
    });

    const open = new Set(alarms.map((a) => a.episodeId));
    for (const [episode, row] of this.rows) {
      if (!open.has(episode)) {
        row.root.remove();
        this.rows.delete(episode);
      }
    }

    if (order.length === 0) {
      order.push(this.none);
    } else {
      this.none.remove();
    }

    order.forEach((node, index) => {
      if (this.list.children[index] !== node) {
        this.list.insertBefore(node, this.list.children[index] ?? null);
      }
    });
    this.list.dataset.count = String(alarms.length);
  }

  create(episodeId) {
    const root = cell('li', 'alarm');
    root.dataset.episode = episodeId;
    const parts = {
      priority: cell('span', 'alarm-priority'),
      bed: cell('span', 'alarm-bed'),
      condition: cell('span', 'alarm-condition'),
      age: cell('span', 'alarm-age'),
      state: cell('span', 'alarm-state'),
      escalated: cell('span', 'alarm-escalated'),
      message: cell('span', 'alarm-message'),
      acknowledge: button('acknowledge', 'Acknowledge'),
      pause: button('audio-pause', `Pause audio ${AUDIO_PAUSE_MINUTES} min`),
      annotate: button('annotate', 'Annotate'),
    };
    parts.message.setAttribute('role', 'status');
    const actions = cell('div', 'alarm-actions');
    actions.append(parts.acknowledge, parts.pause, parts.annotate);
    root.append(parts.priority, parts.bed, parts.condition, parts.age, parts.escalated, parts.state, actions, parts.message);
    return { root, parts, alarm: null };
  }

  update(row, alarm, bedLabel, now) {
    row.alarm = alarm;
    const { root, parts } = row;
    const bed = alarm.bed ? bedLabel(alarm.bed) : 'unknown bed';
    const priority = PRIORITY_LABEL[alarm.priority] ?? alarm.priority;
    const acknowledged = alarm.status === 'acknowledged';
    const paused = pauseRemaining(alarm, now);
    const ageMinutes = Math.max(0, Math.floor((now - Date.parse(alarm.raisedAt)) / 60000));
    set(root, 'data-priority', alarm.priority);
    set(root, 'data-patient', alarm.patient);
    set(root, 'data-status', alarm.status);
    set(root, 'data-paused', paused ? 'true' : 'false');
    set(parts.priority, 'text', priority);
    set(parts.bed, 'text', bed);
    set(parts.condition, 'text', alarm.condition);
    set(parts.age, 'text', `${ageMinutes} min`);
    const escalated = alarm.escalationLevel > 0;
    parts.escalated.hidden = !escalated;
    set(parts.escalated, 'text', escalated ? `▲ Escalated · level ${alarm.escalationLevel}` : '');
    const states = [];
    if (acknowledged) states.push(alarm.acknowledgedBy ? `Acknowledged by ${alarm.acknowledgedBy}` : 'Acknowledged');
    if (paused) states.push(`Audio paused ${paused}`);
    if (alarm.annotation) states.push(`Annotated: ${alarm.annotation}`); // AlarmNotification.Annotation: the assessment code
    set(parts.state, 'text', states.join(' · '));

    const what = `${priority} ${alarm.condition}, ${bed}`;
    parts.acknowledge.disabled = acknowledged;
    set(parts.acknowledge, 'text', acknowledged ? 'Acknowledged' : 'Acknowledge');
    set(parts.acknowledge, 'aria-label', acknowledged ? `${what}: acknowledged` : `Acknowledge ${what}`);
    set(parts.pause, 'text', paused ? `Paused ${paused}` : `Pause audio ${AUDIO_PAUSE_MINUTES} min`);
    set(parts.pause, 'aria-label', paused
      ? `Audio of ${what} paused, ${paused} left; pause again for ${AUDIO_PAUSE_MINUTES} minutes`
      : `Pause audio of ${what} for ${AUDIO_PAUSE_MINUTES} minutes`);
    set(parts.annotate, 'aria-label', `Annotate ${what}`);
  }

  /** Shows the outcome of a command on its row (the state itself arrives as a push). */
  message(episodeId, text) {
    const row = this.rows.get(episodeId);
    if (row) {
      set(row.parts.message, 'text', text);
    }
  }
}
