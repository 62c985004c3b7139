// A cap on how much of a provider's reply body we read. A reply is text of at most tens of thousands of
// tokens (well under 1 MB); a body of several MB is a misbehaving server or proxy, and reading it whole
// would hold it in memory and then in the cache, the blob store and the UI. Past the cap the body is cut
// and the call fails as a provider error.

export const MAX_REPLY_BYTES = 4 * 1024 * 1024;

export function tooLargeMessage(provider: string, maxBytes: number): string {
  return `${provider}: the server's reply is larger than ${formatBytes(maxBytes)}; refused as a provider fault`;
}

/** The same response, with a body that errors once more than maxBytes have passed (onExceeded is called
 * first, so the caller can tell this error from others). A declared Content-Length over the cap fails at once. */
export function limitBody(res: Response, maxBytes: number, onExceeded: () => void): Response {
  if (!res.body) return res;
  let seen = 0;
  const declared = Number(res.headers.get('content-length') ?? NaN);
  const over = (controller: TransformStreamDefaultController<Uint8Array>) => {
    onExceeded();
    controller.error(new Error(`reply body over ${maxBytes} bytes`));
  };
  const body = res.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      start(controller) {
        if (declared > maxBytes) over(controller);
      },
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) over(controller);
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
}

/** Reads a whole body as text within the cap; null when it is over (the rest is not read). */
export async function readLimitedText(res: Response, maxBytes: number): Promise<string | null> {
  let tooLarge = false;
  try {
    return await limitBody(res, maxBytes, () => (tooLarge = true)).text();
  } catch (err) {
    if (tooLarge) return null;
    throw err;
  }
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / (1024 * 1024)) * 10) / 10} MB` : `${n} bytes`;
}
