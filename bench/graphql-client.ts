/**
 * The benchmark's GraphQL client, run in a worker thread: requests are sent, and their JSON read,
 * off the server's event loop, as they would be by a client on another machine. The server and the
 * client share the machine's two cores, not one thread.
 */
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';

export interface ClientJob {
  url: string;
  document: string;
  inputs: unknown[];
  total: number;
  concurrency: number;
}

export interface ClientResult {
  latencies: number[];
  seconds: number;
}

async function run(job: ClientJob): Promise<ClientResult> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      for (let i = next++; i < job.total; i = next++) {
        const t = performance.now();
        const response = await fetch(job.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: job.document, variables: { input: job.inputs[i % job.inputs.length] } }) });
        const body = (await response.json()) as { errors?: unknown };
        if (body.errors) throw new Error(JSON.stringify(body.errors));
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

// One worker serves every measurement (its fetch stays warm): a job in, its latencies out.
parentPort?.on('message', (job: ClientJob) => {
  run(job).then(
    (result) => parentPort?.postMessage(result),
    (error: Error) => parentPort?.postMessage({ error: error.message }),
  );
});
