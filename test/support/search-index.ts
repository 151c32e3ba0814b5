import request from 'supertest';
import { TestApp } from './test-app';

/** Waits until every write so far is in the search index (the outbox is empty): a condition, not a sleep. */
export async function waitForIndex(app: TestApp, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await app.graphql<{ searchIndexStatus: { outboxDepth: number } }>('{ searchIndexStatus { outboxDepth } }');
    if (status.data?.searchIndexStatus.outboxDepth === 0) return;
    if (Date.now() > deadline) throw new Error(`search outbox still holds ${status.data?.searchIndexStatus.outboxDepth} writes`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Reads a streamed download as text, however it is chunked. */
export const asText = (call: request.Test) =>
  call.buffer(true).parse((response, done) => {
    let text = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => (text += chunk));
    response.on('end', () => done(null, text));
  });
