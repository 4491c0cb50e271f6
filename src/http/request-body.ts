import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from './security-headers.js';

/** Methods whose requests carry a body (yoga reads POST; the others are refused after reading). */
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Reads a request's body, at most `maxBytes` of it, before `handler` (yoga) sees the request, and
 * hands it over whole as `request.body`, which @whatwg-node/server takes as the body as it is.
 * A body larger than `maxBytes` is refused with 413 and PAYLOAD_TOO_LARGE as soon as its
 * Content-Length or its bytes say so, and the connection is closed unread. Yoga has no limit of
 * its own: it would hold any body in memory, then parse it, before graphql-armor counts its tokens.
 * Read here, a body sent in chunks with no Content-Length is bounded too.
 */
export function withBodyLimit(handler: RequestListener, maxBytes: number): RequestListener {
  return (request, response) => {
    if (!WITH_BODY.has(request.method ?? '')) {
      handler(request, response);
      return;
    }
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      tooLarge(request, response, maxBytes);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        refused = true;
        request.off('data', onData);
        tooLarge(request, response, maxBytes);
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => {
      if (refused) return;
      const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
      // An empty body stays unset: yoga then reads the (ended) stream and refuses it as it would.
      if (body.length > 0) (request as IncomingMessage & { body?: Buffer }).body = body;
      handler(request, response);
    });
    // A client that goes away mid-body: nothing to answer.
    request.once('error', () => response.destroy());
  };
}

function tooLarge(request: IncomingMessage, response: ServerResponse, maxBytes: number): void {
  const body = JSON.stringify({
    errors: [
      {
        message: `the request body is larger than ${maxBytes} bytes (HLP_MAX_BODY_BYTES): send a shorter query or fewer variables`,
        extensions: { code: 'PAYLOAD_TOO_LARGE' },
      },
    ],
  });
  // The rest of the body is not read: the connection closes after the answer.
  response.writeHead(413, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    connection: 'close',
  });
  response.end(body, () => request.destroy());
}
