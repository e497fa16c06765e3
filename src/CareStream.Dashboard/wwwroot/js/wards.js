// Which wards have live beds. The hub has no ward list yet, so a short-lived second connection joins the
// conventional ids ward-1, ward-2, ... and stops at the first one without data. Its frames go nowhere.
import { HUB_PATH } from './config.js';

const MAX_WARDS = 64;

export async function discoverWards(current) {
  const signalR = globalThis.signalR;
  const probe = new signalR.HubConnectionBuilder().withUrl(HUB_PATH).configureLogging(signalR.LogLevel.Error).build();
  const found = [];
  try {
    await probe.start();
    for (let n = 1; n <= MAX_WARDS; n++) {
      const ward = `ward-${n}`;
      const snapshot = await probe.invoke('FollowWard', ward);
      if (snapshot.latest.length === 0) {
        break;
      }

      found.push(ward);
    }
  } catch {
    // Discovery is a convenience; the selector still offers the current ward.
  } finally {
    await probe.stop();
  }

  return found.includes(current) ? found : [current, ...found];
}
