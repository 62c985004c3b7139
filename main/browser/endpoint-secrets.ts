// A remote endpoint's credentials kept out of every error (issue 23 "Remote browsers"). Playwright's connect
// errors quote the URL they tried, `?token=` and `user:password@` included; those messages become the endpoint's
// lastError (the Runs page's endpoint table) and the episode's recorded error, so they are redacted at the
// source, where the URL is known.

/** Shorter query values (a `?v=1`) are no credential, and replacing them would garble the message. */
const MIN_SECRET_LENGTH = 4;

/** The parts of an endpoint URL that are credentials: user info and query values, each as written and decoded. */
export function endpointSecrets(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  const found = new Set<string>();
  const add = (value: string) => {
    found.add(value);
    found.add(safeDecode(value));
    found.add(encodeURIComponent(safeDecode(value)));
  };
  add(parsed.username);
  add(parsed.password);
  for (const pair of parsed.search.slice(1).split('&')) {
    const eq = pair.indexOf('=');
    if (eq >= 0) add(pair.slice(eq + 1));
  }
  // Longest first, so a value is never half-replaced by a shorter one it contains.
  return [...found].filter((s) => s.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
}

/** `err` as an Error whose message and stack hold none of `url`'s credentials (no cause kept: it would). */
export function redactEndpointError(err: unknown, url: string): Error {
  const secrets = endpointSecrets(url);
  const original = err instanceof Error ? err : new Error(String(err));
  const clean = new Error(redact(original.message, secrets));
  clean.name = original.name;
  clean.stack = redact(original.stack ?? '', secrets);
  return clean;
}

/** `text` with every secret replaced (longest first, as endpointSecrets orders them). */
function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
