// The SignalR connection to /hubs/ward: follow one ward, re-follow after every reconnect, report the link state.
// The access token comes from auth.js on every (re)connect; the server closes the connection when the token it
// connected with expires, and the page reconnects at once with a fresh one (the resume replays missed alarms).
import { accessToken, accessTokenExpiresAt } from './auth.js';
import { HUB_PATH } from './config.js';

const signalR = globalThis.signalR;

// Keep retrying for as long as the screen is up: a wall display has nobody to press "reload". Jittered, so a
// ward of screens does not hit a restarting host at the same instant (and not while it is still shutting down).
const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000];
const RETRY_MAX_MS = 10000;
const jitter = (ms) => ms + Math.floor(Math.random() * ms * 0.5);

/**
 * handlers: { onSnapshot(snapshot), onUpdates(updates), onAlarm(alarm), onNews2(score), onMarker(marker), onSystemAlarm(alarm),
 *             onResume(resume), lastAlarmSequence(), onDenied(ward),
 *             onStatus('connecting'|'connected'|'reconnecting'|'disconnected') }
 */
export class WardConnection {
  constructor(handlers) {
    this.handlers = handlers;
    this.ward = null;
    this.tokenExpiresAt = 0;
    this.connection = new signalR.HubConnectionBuilder()
      .withUrl(HUB_PATH, {
        accessTokenFactory: async () => {
          const token = await accessToken();
          this.tokenExpiresAt = accessTokenExpiresAt();
          return token;
        },
      })
      .withAutomaticReconnect({
        nextRetryDelayInMilliseconds: (context) =>
          jitter(RETRY_DELAYS_MS[context.previousRetryCount] ?? RETRY_MAX_MS),
      })
      .configureLogging(signalR.LogLevel.Warning)
      .build();

    // Frames carry no ward id: while switching, frames of the old ward still in flight are dropped. They all
    // arrive before UnfollowWard completes, because a connection delivers in order.
    this.accepting = true;
    this.connection.on('VitalsUpdated', (updates) => {
      if (this.accepting) {
        this.handlers.onUpdates(updates);
      }
    });
    // Alarms are pushed at once and carry the ward stream's sequence number (never coalesced).
    this.connection.on('AlarmChanged', (alarm) => {
      if (this.accepting) {
        this.handlers.onAlarm(alarm);
      }
    });
    // NEWS2 changes and unassociated-device markers: rare, sent at once; the snapshot carries the current ones.
    this.connection.on('News2Changed', (score) => {
      if (this.accepting) {
        this.handlers.onNews2(score);
      }
    });
    this.connection.on('UnassociatedDeviceChanged', (marker) => {
      if (this.accepting) {
        this.handlers.onMarker(marker);
      }
    });
    // Ward-independent technical alarms (pipeline unreachable) reach every connection, whatever the ward.
    this.connection.on('SystemAlarmChanged', (alarm) => this.handlers.onSystemAlarm(alarm));
    this.connection.onreconnecting(() => this.handlers.onStatus('reconnecting'));
    this.connection.onreconnected(() => this.refollow({ resume: true }));
    // Automatic reconnect gave up (it does not with the policy above) or the server closed us: start over — at
    // once when the token we connected with has expired (the server closes such connections; a new token waits).
    this.connection.onclose(() => {
      this.handlers.onStatus('disconnected');
      const expired = Date.now() >= this.tokenExpiresAt - 2000;
      setTimeout(() => this.start(), expired ? 0 : jitter(RETRY_MAX_MS));
    });
  }

  async start() {
    this.handlers.onStatus('connecting');
    try {
      await this.connection.start();
    } catch {
      this.handlers.onStatus('disconnected');
      setTimeout(() => this.start(), jitter(RETRY_DELAYS_MS[1]));
      return;
    }

    await this.refollow({ resume: true });
  }

  /** Switches to another ward: unfollow the old group, follow the new one, apply its snapshot. */
  async follow(ward) {
    const previous = this.ward;
    this.ward = ward;
    if (this.connection.state !== signalR.HubConnectionState.Connected) {
      return;
    }

    if (previous && previous !== ward) {
      this.accepting = false;
      try {
        await this.connection.invoke('UnfollowWard', previous);
      } finally {
        this.accepting = true;
      }
    }

    await this.refollow();
  }

  get isConnected() {
    return this.connection.state === signalR.HubConnectionState.Connected;
  }

  async refollow({ resume = false } = {}) {
    if (!this.ward) {
      this.handlers.onStatus('connected');
      return;
    }

    const ward = this.ward;
    const lastSequence = this.handlers.lastAlarmSequence();
    try {
      // After a drop, ask for every alarm change since the last one seen: none may be missed silently.
      if (resume && lastSequence !== null) {
        const resumed = await this.connection.invoke('ResumeWard', ward, lastSequence);
        if (ward === this.ward) {
          this.handlers.onResume(resumed);
          this.handlers.onStatus('connected');
        }

        return;
      }

      const snapshot = await this.connection.invoke('FollowWard', ward);
      if (ward === this.ward) {
        this.handlers.onSnapshot(snapshot);
        this.handlers.onStatus('connected');
      }
    } catch (error) {
      // "Not permitted": the ward is not one of the user's; otherwise the connection dropped between connect and
      // follow, and onreconnecting/onclose reports it.
      if (`${error?.message}`.includes('Not permitted') && ward === this.ward) {
        this.handlers.onDenied?.(ward);
      }
    }
  }
}
