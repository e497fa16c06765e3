// Sign-in with the embedded server as the public client carestream-dashboard: authorization code + PKCE (S256).
// Tokens live in this module's memory only; sessionStorage holds nothing but the PKCE verifier, the state and the
// page to return to, for the one redirect to the login page and back, and is cleared on return.
import { AUTH_CLIENT_ID, AUTH_SCOPES, TOKEN_REFRESH_MARGIN_MS } from './config.js';

const PENDING_KEY = 'carestream.login';
const AUTHORIZE_PATH = '/connect/authorize';
const TOKEN_PATH = '/connect/token';

let session = null; // { accessToken, refreshToken, expiresAt, name }
let refreshing = null;
let refreshTimer = 0;

const redirectUri = () => `${location.origin}${location.pathname}`;

function base64Url(bytes) {
  let text = '';
  bytes.forEach((b) => { text += String.fromCharCode(b); });
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const randomString = (length) => base64Url(crypto.getRandomValues(new Uint8Array(length)));

async function challengeOf(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

/** The JWT payload, for display only (the server validates tokens; the page never trusts these claims). */
function claimsOf(jwt) {
  try {
    const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0))));
  } catch {
    return {};
  }
}

/** Sends the browser to the authorization endpoint; `prompt=login` forces the login form (after sign-out). */
async function redirectToLogin({ prompt } = {}) {
  const verifier = randomString(48);
  const state = randomString(24);
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state, returnTo: location.search }));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: AUTH_CLIENT_ID,
    redirect_uri: redirectUri(),
    scope: AUTH_SCOPES.join(' '),
    state,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
  });
  if (prompt) {
    query.set('prompt', prompt);
  }

  location.assign(`${AUTHORIZE_PATH}?${query}`);
  return new Promise(() => {}); // the page is leaving
}

async function requestTokens(form) {
  const response = await fetch(TOKEN_PATH, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: AUTH_CLIENT_ID, ...form }),
    cache: 'no-store',
  });
  if (!response.ok) {
    throw new Error(`token endpoint: HTTP ${response.status}`);
  }

  const body = await response.json();
  const claims = claimsOf(body.id_token ?? body.access_token);
  session = {
    accessToken: body.access_token,
    refreshToken: body.refresh_token ?? session?.refreshToken ?? null,
    expiresAt: Date.now() + (body.expires_in ?? 300) * 1000,
    name: claims.name ?? session?.name ?? claims.sub ?? '',
  };
  scheduleRefresh();
}

function scheduleRefresh() {
  clearTimeout(refreshTimer);
  const delay = Math.max(1000, session.expiresAt - Date.now() - TOKEN_REFRESH_MARGIN_MS);
  refreshTimer = setTimeout(() => refresh().catch(() => redirectToLogin()), delay);
}

/** Exchanges the refresh token (offline_access) for new tokens; one request at a time. */
function refresh() {
  if (!session?.refreshToken) {
    return redirectToLogin();
  }

  refreshing ??= requestTokens({ grant_type: 'refresh_token', refresh_token: session.refreshToken })
    .finally(() => { refreshing = null; });
  return refreshing;
}

/** Back from the authorization endpoint: check the state, redeem the code with the verifier, restore the page URL. */
async function completeLogin(params) {
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null');
  sessionStorage.removeItem(PENDING_KEY);
  // The code, state and any error never stay in the address bar or the history.
  history.replaceState(null, '', `${location.pathname}${pending?.returnTo ?? ''}`);
  if (!pending || params.get('state') !== pending.state) {
    throw new Error('The sign-in response does not match the request (state).');
  }

  if (params.has('error')) {
    throw new Error(`Sign-in refused: ${params.get('error')}`);
  }

  await requestTokens({
    grant_type: 'authorization_code',
    code: params.get('code'),
    redirect_uri: redirectUri(),
    code_verifier: pending.verifier,
  });
}

/**
 * Resolves once the page holds tokens. Without them it redirects to the login page (and never resolves); on the
 * way back it redeems the code. A failed return starts one fresh sign-in.
 */
export async function signIn() {
  const params = new URLSearchParams(location.search);
  if (params.has('code') || params.has('error')) {
    await completeLogin(params);
    return;
  }

  await redirectToLogin();
}

/** Drops the tokens and shows the login form again (the server's login cookie is not reused: prompt=login). */
export function signOut() {
  clearTimeout(refreshTimer);
  session = null;
  return redirectToLogin({ prompt: 'login' });
}

export const userName = () => session?.name ?? '';

/** A current access token, refreshed first when it is about to expire (SignalR's accessTokenFactory). */
export async function accessToken() {
  if (!session) {
    return '';
  }

  if (session.expiresAt - Date.now() < TOKEN_REFRESH_MARGIN_MS / 2) {
    await refresh();
  }

  return session.accessToken;
}

/** When the token the hub connected with expires (epoch ms): the server closes the connection then. */
export const accessTokenExpiresAt = () => session?.expiresAt ?? 0;

/** `fetch` with `Authorization: Bearer`; a 401 refreshes the token once and retries. */
export async function authFetch(url, init = {}) {
  const send = async () => fetch(url, {
    ...init,
    headers: { ...(init.headers ?? {}), Authorization: `Bearer ${await accessToken()}` },
  });
  const response = await send();
  if (response.status !== 401 || !session?.refreshToken) {
    return response;
  }

  await refresh();
  return send();
}
