// What a browser does at the loopback provider, done with fetch: follow the authorisation URL to the
// provider's login form, post the username and password, and follow the provider's redirects until it
// sends the browser back to Osteopad. Answers that last address (the callback with code and state).

/** A cookie jar of one provider conversation (names and values only: one host, every path). */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export async function signInAtProvider(
  authorizationUrl: string,
  login: string,
  password: string,
): Promise<URL> {
  const jar = new CookieJar();
  let url = new URL(authorizationUrl);
  const issuerOrigin = url.origin;
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      redirect: 'manual',
      headers: {
        cookie: jar.header(),
        ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      ...(body === undefined ? {} : { body: body.toString() }),
      signal: AbortSignal.timeout(5000),
    });
    jar.take(response);
    body = undefined;
    const location = response.headers.get('location');
    if (location !== null) {
      const next = new URL(location, url);
      if (next.origin !== issuerOrigin) return next;
      url = next;
      continue;
    }
    const html = await response.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (action === undefined)
      throw new Error(`the provider answered ${String(response.status)} without a form`);
    url = new URL(action, url);
    body = new URLSearchParams({ login, password });
  }
  throw new Error('the provider did not send the browser back');
}
