// Commands to the API (the alarm-commands contract). Each returns when the server accepted it (202); the resulting
// state arrives later as an AlarmChanged push, so nothing here changes what the page shows.

import { authFetch } from './auth.js';

/** Audio pause length offered at the station (IEC 60601-1-8 AUDIO PAUSED is time-limited). */
export const AUDIO_PAUSE_MINUTES = 2;

export const ASSESSMENTS = Object.freeze(['true-positive', 'false-positive', 'non-actionable']);
export const ACVPU = Object.freeze(['A', 'C', 'V', 'P', 'U']);

const alarmPath = (patientId, episodeId, action) =>
  `/api/patients/${encodeURIComponent(patientId)}/alarms/${encodeURIComponent(episodeId)}/${action}`;

/** The request each command sends, as plain data (method, url, body): pure, so tests can pin the contract. */
export const requests = Object.freeze({
  acknowledge: (patientId, episodeId) => ({ method: 'POST', url: alarmPath(patientId, episodeId, 'acknowledge'), body: null }),
  audioPause: (patientId, episodeId, minutes = AUDIO_PAUSE_MINUTES) =>
    ({ method: 'POST', url: alarmPath(patientId, episodeId, 'audio-pause'), body: { minutes } }),
  annotate: (patientId, episodeId, assessment, note) => {
    if (!ASSESSMENTS.includes(assessment)) {
      throw new RangeError(`Unknown assessment: ${assessment}`);
    }

    return { method: 'POST', url: alarmPath(patientId, episodeId, 'annotation'), body: { assessment, note: note ?? '' } };
  },
  charting: (patientId, { onOxygen, consciousness, spo2Scale }) => {
    if (typeof onOxygen !== 'boolean' || !ACVPU.includes(consciousness) || ![1, 2].includes(spo2Scale)) {
      throw new RangeError('Charting needs oxygen on/off, an ACVPU level and SpO2 scale 1 or 2.');
    }

    return {
      method: 'PUT',
      url: `/api/patients/${encodeURIComponent(patientId)}/charting`,
      body: { onOxygen, consciousness, spo2Scale },
    };
  },
});

export class CommandError extends Error {
  constructor(status) {
    super(status ? `HTTP ${status}` : 'no connection');
    this.status = status;
  }
}

/** Sends one request built by `requests`; resolves on 2xx, rejects with a CommandError otherwise. */
export async function send({ method, url, body }) {
  let response;
  try {
    response = await authFetch(url, {
      method,
      headers: body === null ? {} : { 'Content-Type': 'application/json' },
      body: body === null ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new CommandError(0);
  }

  if (!response.ok) {
    throw new CommandError(response.status);
  }
}
