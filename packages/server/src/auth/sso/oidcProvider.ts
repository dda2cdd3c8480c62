// The conversation with the hospital's OpenID Connect provider (openid-client): discovery, the
// authorisation URL with PKCE, state and nonce, and the code exchange that checks them. Every call has a
// time-out; a provider that does not answer ends the sign-in, never the request's wait.
import * as oidc from 'openid-client';
import { isLoopbackIssuer, type OrganizationSso } from './ssoSettings';

/** Why talking to the provider failed: it could not be reached, or it answered something we refuse. */
export class ProviderProblem extends Error {
  constructor(
    readonly problem: 'provider_unavailable' | 'sign_in_failed',
    /** What went wrong, for the server log (never a token). */
    readonly reason: string,
  ) {
    super(`${problem}: ${reason}`);
    this.name = 'ProviderProblem';
  }
}

const DISCOVERY_KEPT_MS = 10 * 60_000;
const discovered = new Map<string, { configuration: oidc.Configuration; until: number }>();

function isUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return true;
  if (error instanceof TypeError && /fetch failed/i.test(error.message)) return true;
  const cause = (error as { cause?: unknown }).cause;
  return cause !== undefined && cause !== error && isUnreachable(cause);
}

/** Names the failure without its details' secrets: the error's name and OAuth code, if any. */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown';
  const code = (error as { code?: unknown }).code;
  const oauthError = (error as { error?: unknown }).error;
  return [error.name, typeof code === 'string' ? code : '', typeof oauthError === 'string' ? oauthError : '']
    .filter((p) => p !== '')
    .join(' ');
}

function asProviderProblem(error: unknown): ProviderProblem {
  if (error instanceof ProviderProblem) return error;
  return new ProviderProblem(
    isUnreachable(error) ? 'provider_unavailable' : 'sign_in_failed',
    reasonOf(error),
  );
}

/** The provider's configuration, discovered once per ten minutes per organisation and client. */
export async function providerConfiguration(
  settings: OrganizationSso,
  clientSecret: string,
  timeoutMs: number,
): Promise<oidc.Configuration> {
  const key = `${settings.organizationId} ${settings.issuerUrl} ${settings.clientId} ${clientSecret}`;
  const kept = discovered.get(key);
  if (kept !== undefined && kept.until > Date.now()) return kept.configuration;
  try {
    const configuration = await oidc.discovery(
      new URL(settings.issuerUrl),
      settings.clientId,
      undefined,
      oidc.ClientSecretBasic(clientSecret),
      {
        timeout: Math.max(1, Math.ceil(timeoutMs / 1000)),
        // Plain HTTP only for a provider on this machine (the tests' loopback provider); the settings
        // refuse an HTTP issuer anywhere else.
        // eslint-disable-next-line @typescript-eslint/no-deprecated
        ...(isLoopbackIssuer(settings.issuerUrl) ? { execute: [oidc.allowInsecureRequests] } : {}),
      },
    );
    discovered.set(key, { configuration, until: Date.now() + DISCOVERY_KEPT_MS });
    return configuration;
  } catch (error) {
    throw asProviderProblem(error);
  }
}

/** Forgets what discovery found (tests that restart a provider; a provider that changed its keys). */
export function forgetDiscoveredProviders(): void {
  discovered.clear();
}

export interface AuthorizationStart {
  readonly url: URL;
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

/** Where the browser goes to sign in: the provider's authorisation endpoint with PKCE, state and nonce. */
export async function authorizationStart(
  configuration: oidc.Configuration,
  redirectUri: string,
): Promise<AuthorizationStart> {
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri,
    scope: 'openid profile email',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url, state, nonce, codeVerifier };
}

/**
 * Exchanges the callback's code (checking state, nonce, PKCE and the ID token) and answers the claims of
 * the signed-in person: the ID token's, completed from the userinfo endpoint for claims it lacks.
 */
export async function signedInClaims(
  configuration: oidc.Configuration,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
): Promise<Record<string, unknown>> {
  try {
    const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (idClaims === undefined) throw new ProviderProblem('sign_in_failed', 'no ID token');
    let userInfo: Record<string, unknown> = {};
    if (configuration.serverMetadata().userinfo_endpoint !== undefined) {
      userInfo = { ...(await oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)) };
    }
    return { ...userInfo, ...idClaims };
  } catch (error) {
    throw asProviderProblem(error);
  }
}
