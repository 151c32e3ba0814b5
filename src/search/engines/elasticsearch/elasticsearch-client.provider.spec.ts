import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createElasticsearchClient } from './elasticsearch-client.provider';

interface Seen {
  method: string;
  url: string;
  accept: string;
  contentType: string;
}

/**
 * An HTTP stub that checks media types as an Elasticsearch `major` node does (RestCompatibleVersionHelper):
 * `compatible-with=N` must be the node's major or the one before, else HTTP 400 media_type_header_exception
 * ("Accept version must be either version 8 or 7, but found 9"); plain JSON / NDJSON is the node's own
 * version. Answers with the product header the client's product check requires.
 */
async function stubNode(major: number, minor = 0): Promise<{ url: string; seen: Seen[]; close(): Promise<void> }> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const accept = String(req.headers.accept ?? '');
      const contentType = String(req.headers['content-type'] ?? '');
      seen.push({ method: req.method ?? '', url: req.url ?? '', accept, contentType });
      const versions = [accept, contentType].map((header) => /compatible-with=(\d+)/.exec(header)?.[1]).filter((v): v is string => v !== undefined).map(Number);
      const refused = versions.find((version) => version !== major && version !== major - 1);
      // Elasticsearch sends the product header from 7.14 on; older nodes answer without it.
      const productHeader = major > 7 || (major === 7 && minor >= 14) ? { 'x-elastic-product': 'Elasticsearch' } : {};
      const headers = { 'content-type': 'application/json', ...productHeader };
      if (refused !== undefined) {
        res.writeHead(400, headers);
        res.end(JSON.stringify({ error: { type: 'media_type_header_exception', reason: 'Invalid media-type value on headers [Accept, Content-Type]', caused_by: { type: 'status_exception', reason: `Accept version must be either version ${major} or ${major - 1}, but found ${refused}. Accept=${accept}` } }, status: 400 }));
        return;
      }
      if (req.url?.startsWith('/_bulk')) {
        res.writeHead(200, headers);
        res.end(JSON.stringify({ took: 1, errors: false, items: body.split('\n').filter(Boolean).filter((_, i) => i % 2 === 0).map(() => ({ index: { _index: 'x-v1', _id: 'a', status: 201, result: 'created' } })) }));
        return;
      }
      if (req.url?.includes('/_search')) {
        res.writeHead(200, headers);
        res.end(JSON.stringify({ took: 1, timed_out: false, _shards: { total: 1, successful: 1, skipped: 0, failed: 0 }, hits: { total: { value: 0, relation: 'eq' }, max_score: null, hits: [] } }));
        return;
      }
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : JSON.stringify({ name: 'stub', version: { number: `${major}.${minor}.0` }, tagline: 'You Know, for Search' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('createElasticsearchClient', () => {
  it('needs a node', () => {
    expect(() => createElasticsearchClient({ ELASTICSEARCH_NODE: undefined })).toThrow(/ELASTICSEARCH_NODE is not configured/);
  });

  // The 9.x client sends `compatible-with=9` on every request by default, which an Elasticsearch 8 node
  // refuses (HTTP 400 media_type_header_exception), so nothing (ping, search, bulk) would work on 8.x.
  // Elasticsearch before 7.14 sends no `x-elastic-product` header: the 9.x client's product check refuses
  // every successful answer of such a node (ProductNotSupportedError, ping false).
  it.each([
    [7, 6],
    [7, 17],
    [8, 0],
    [9, 0],
  ])('talks to an Elasticsearch %i.%i node: ping, search and bulk, in plain JSON / NDJSON', async (major, minor) => {
    const node = await stubNode(major, minor);
    const client = createElasticsearchClient({ ELASTICSEARCH_NODE: node.url }, { maxRetries: 0 });
    try {
      expect(await client.ping()).toBe(true);
      expect((await client.search({ index: 'x', query: { match_all: {} }, size: 0 })).hits.total).toEqual({ value: 0, relation: 'eq' });
      expect((await client.bulk({ operations: [{ index: { _index: 'x', _id: 'a' } }, { title: 't' }] })).errors).toBe(false);
      expect(node.seen.map((request) => [request.method, request.url.split('?')[0]])).toEqual([
        ['HEAD', '/'],
        ['POST', '/x/_search'],
        ['POST', '/_bulk'],
      ]);
      for (const request of node.seen) expect([request.url, request.accept, request.contentType].join(' ')).not.toMatch(/compatible-with/);
      expect(node.seen[1].contentType).toBe('application/json');
      expect(node.seen[2].contentType).toBe('application/x-ndjson');
    } finally {
      await client.close();
      await node.close();
    }
  });
});
