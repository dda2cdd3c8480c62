// A real OpenID Connect provider (oidc-provider) on 127.0.0.1, for the hospital sign-in's tests and the
// browser test: discovery, authorisation with PKCE, a login form of its own (username and password), token
// and userinfo endpoints, signed ID tokens. No consent screen: the test client is trusted.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

export interface LoopbackAccount {
  readonly password: string;
  /** The claims the provider gives (besides `sub`, which is the login): `preferred_username`, `email`, a role claim … */
  readonly claims: Readonly<Record<string, unknown>>;
}

export interface LoopbackOidcOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUris: readonly string[];
  /** Login → account. */
  readonly accounts: Readonly<Record<string, LoopbackAccount>>;
  /** Extra claims the `profile` scope carries (a role or groups claim). */
  readonly extraProfileClaims?: readonly string[];
  readonly port?: number;
}

export interface LoopbackOidcProvider {
  readonly issuer: string;
  readonly port: number;
  close(): Promise<void>;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);
}

function loginPage(uid: string, failed: boolean): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hospital sign-in</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body><main>
<h1>Hospital sign-in</h1>${failed ? '<p role="alert">Wrong username or password.</p>' : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="login">Username</label> <input id="login" name="login" autocomplete="username" required>
<label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button></form></main></body></html>`;
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Starts the provider; its issuer is `http://127.0.0.1:<port>`. */
export async function startLoopbackOidcProvider(options: LoopbackOidcOptions): Promise<LoopbackOidcProvider> {
  // Made once the port (and so the issuer) is known.
  const made: { provider?: Provider } = {};
  const interaction = async (req: IncomingMessage, res: ServerResponse, p: Provider): Promise<boolean> => {
    const match = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/.exec((req.url ?? '').split('?')[0] ?? '');
    if (match === null) return false;
    const uid = match[1] ?? '';
    if (req.method === 'GET' && match[2] === undefined) {
      await p.interactionDetails(req, res);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(loginPage(uid, false));
      return true;
    }
    if (req.method === 'POST' && match[2] !== undefined) {
      const body = await formBody(req);
      const login = body.get('login') ?? '';
      const account = Object.hasOwn(options.accounts, login) ? options.accounts[login] : undefined;
      if (account === undefined || account.password !== body.get('password')) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(loginPage(uid, true));
        return true;
      }
      await p.interactionFinished(
        req,
        res,
        { login: { accountId: login } },
        { mergeWithLastSubmission: false },
      );
      return true;
    }
    return false;
  };
  const server: Server = createServer((req, res) => {
    const p = made.provider;
    if (p === undefined) {
      res.writeHead(503).end();
      return;
    }
    void interaction(req, res, p)
      .then(async (handled) => {
        if (!handled) await p.callback()(req, res);
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
  server.listen(options.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${String(port)}`;
  const profileClaims = ['name', 'preferred_username', ...(options.extraProfileClaims ?? [])];
  const configuration: Configuration = {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [...options.redirectUris],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], profile: profileClaims, email: ['email'] },
    cookies: { keys: ['loopback-oidc-provider-test-key'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, i) => `/interaction/${i.uid}` },
    pkce: { required: () => true },
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
    findAccount: (_ctx, sub) => {
      const account = Object.hasOwn(options.accounts, sub) ? options.accounts[sub] : undefined;
      if (account === undefined) return undefined;
      return { accountId: sub, claims: () => ({ ...account.claims, sub }) };
    },
    // The test client is trusted: its sign-ins are granted the scopes they ask for, without a consent screen.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { oidc } = ctx;
      const clientId = oidc.client?.clientId;
      const accountId = oidc.session?.accountId;
      if (clientId === undefined || accountId === undefined) return undefined;
      const existing = oidc.session?.grantIdFor(clientId);
      if (existing !== undefined) {
        const found = await oidc.provider.Grant.find(existing);
        if (found !== undefined) return found;
      }
      const grant = new oidc.provider.Grant({ clientId, accountId });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      return grant;
    },
  };
  made.provider = new Provider(issuer, configuration);
  return {
    issuer,
    port,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}
