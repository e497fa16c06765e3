// The alarm list beside the grid: one row per open alarm, priority then age; text only (textContent).

const PRIORITY_LABEL = { high: 'HIGH', medium: 'MEDIUM', low: 'LOW' };

function cell(tag, className, text) {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = text;
  return node;
}

export function renderAlarmList(list, alarms, bedLabel, now) {
  const rows = alarms.map((alarm) => {
    const row = document.createElement('li');
    row.className = 'alarm';
    row.dataset.priority = alarm.priority;
    row.dataset.episode = alarm.episodeId;
    const ageMinutes = Math.max(0, Math.floor((now - Date.parse(alarm.raisedAt)) / 60000));
    row.append(
      cell('span', 'alarm-priority', PRIORITY_LABEL[alarm.priority] ?? alarm.priority),
      cell('span', 'alarm-bed', alarm.bed ? bedLabel(alarm.bed) : 'unknown bed'),
      cell('span', 'alarm-condition', alarm.condition),
      cell('span', 'alarm-age', `${ageMinutes} min`),
    );
    if (alarm.escalationLevel > 0) {
      row.append(cell('span', 'alarm-escalated', `escalated ×${alarm.escalationLevel}`));
    }

    return row;
  });

  list.replaceChildren(...rows);
  list.dataset.count = String(alarms.length);
  if (rows.length === 0) {
    list.append(cell('li', 'alarm-none', 'No active alarms'));
  }
}
