import compression from 'compression';
import type { RequestHandler } from 'express';

/**
 * gzip, deflate or Brotli (compression ≥ 1.8; Brotli at quality 4, cheap enough per request) when the
 * client accepts it, for compressible types over 1 KB: GraphQL answers, the search page's script and
 * styles, the explorer, exports. Streamed exports stay streamed (each chunk goes through zlib as it
 * comes); a response marked `Cache-Control: no-transform` is left alone.
 */
export function responseCompression(): RequestHandler {
  return compression({ threshold: 1024 });
}
