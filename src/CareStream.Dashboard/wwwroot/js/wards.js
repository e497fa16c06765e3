// Which wards have live beds. The hub has no ward list yet, so a short-lived second connection joins the
// conventional ids ward-1, ward-2, ... and stops at the first one without data or not permitted to this user.
// Its frames go nowhere.
import { accessToken } from './auth.js';
import { HUB_PATH } from './config.js';

const MAX_WARDS = 64;
const MAX_REFUSED_IN_A_ROW = 4;

export async function discoverWards(current) {
  const signalR = globalThis.signalR;
  const probe = new signalR.HubConnectionBuilder().withUrl(HUB_PATH, { accessTokenFactory: accessToken }).configureLogging(signalR.LogLevel.Error).build();
  const found = [];
  let refusedInARow = 0;
  try {
    await probe.start();
    for (let n = 1; n <= MAX_WARDS; n++) {
      const ward = `ward-${n}`;
      let snapshot;
      try {
        snapshot = await probe.invoke('FollowWard', ward);
      } catch (error) {
        // Another team's ward: skip it, but give up after a few in a row (the user's wards are few and early).
        if (`${error?.message}`.includes('Not permitted') && ++refusedInARow < MAX_REFUSED_IN_A_ROW) {
          continue;
        }

        throw error;
      }

      refusedInARow = 0;
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
