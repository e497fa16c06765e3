// Ward-independent technical alarms (IEC 60601-1-8 technical alarm condition, high priority): today only
// "data pipeline unreachable" (Kafka down). Pushed to every connection as SystemAlarmChanged and carried in every
// join snapshot; keyed by episode, so a change seen twice (push + snapshot) is harmless.

const TEXT_BY_CONDITION = Object.freeze({
  KafkaUnreachable: 'Technical alarm: data pipeline unreachable — vital signs may be stale',
});

/** The banner text of one system alarm (unknown conditions still show, by their code). */
export function systemAlarmText(alarm) {
  return TEXT_BY_CONDITION[alarm.condition] ?? `Technical alarm: ${alarm.condition}`;
}

export class SystemAlarmBanner {
  constructor(element) {
    this.element = element;
    this.open = new Map();
  }

  /** The snapshot is authoritative: changes missed while disconnected are replaced by its list. */
  applySnapshot(alarms) {
    this.open = new Map((alarms ?? []).filter((a) => a.open).map((a) => [a.episodeId, a]));
    this.render();
  }

  apply(alarm) {
    if (alarm.open) {
      this.open.set(alarm.episodeId, alarm);
    } else {
      this.open.delete(alarm.episodeId);
    }

    this.render();
  }

  get active() {
    return this.open.size > 0;
  }

  render() {
    const texts = [...new Set([...this.open.values()].map(systemAlarmText))];
    this.element.hidden = texts.length === 0;
    this.element.textContent = texts.join(' · ');
    document.body.toggleAttribute('data-system-alarm', texts.length > 0);
  }
}
