import type { IngestEvent, IngestResult } from '@ioc/domain';
import { once } from 'node:events';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FatalIngestError, IngestClient } from './ingest-client';

const EVENT: IngestEvent = {
  eventId: 'sim-1-20260310-000000-withdrawn',
  type: 'dossier.withdrawn',
  occurredAt: '2026-03-10T09:00:00+07:00',
  dossierId: 'SIM1-20260310-000000',
};
const ACCEPTED: IngestResult = { accepted: 1, duplicates: 0, rejected: [] };

type Answer = { status: number; body?: unknown };

/** A stand-in ingest API that gives the queued answers in turn, then accepts everything. */
async function fakeApi(answers: Answer[], port = 0) {
  const requests: { url?: string; key?: string | string[]; body: unknown }[] = [];
  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let text = '';
    for await (const chunk of request) text += chunk;
    requests.push({
      url: request.url,
      key: request.headers['x-api-key'],
      body: JSON.parse(text),
    });
    const next = answers.shift() ?? { status: 202, body: ACCEPTED };
    response.writeHead(next.status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(next.body ?? {}));
  }
  const server: Server = createServer((request, response) => void answer(request, response));
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, requests, close: () => new Promise((resolve) => server.close(resolve)) };
}

function logger() {
  const lines: string[] = [];
  const log = (message: string) => lines.push(message);
  return { lines, info: log, warn: log, error: log };
}

describe('IngestClient', () => {
  const client = (apiUrl: string, log = logger(), signal?: AbortSignal) =>
    new IngestClient({
      apiUrl,
      apiKey: 'demo-ingest-key',
      logger: log,
      signal,
      firstRetryDelayMs: 5,
    });

  it('posts the events with the key to the ingest endpoint', async () => {
    const api = await fakeApi([]);
    try {
      await expect(client(`${api.url}/`).send([EVENT])).resolves.toEqual(ACCEPTED);
      expect(api.requests).toEqual([
        { url: '/api/v1/events', key: 'demo-ingest-key', body: { events: [EVENT] } },
      ]);
    } finally {
      await api.close();
    }
  });

  it('retries "not now" answers with back-off until the events are stored', async () => {
    const api = await fakeApi([{ status: 503 }, { status: 500 }, { status: 429 }]);
    const log = logger();
    try {
      await expect(client(api.url, log).send([EVENT])).resolves.toEqual(ACCEPTED);
      expect(api.requests).toHaveLength(4);
      expect(log.lines).toEqual([
        'batch not stored (HTTP 503); retrying in 5 ms',
        'batch not stored (HTTP 500); retrying in 10 ms',
        'batch not stored (HTTP 429); retrying in 20 ms',
      ]);
    } finally {
      await api.close();
    }
  });

  it('waits for an API that is not listening yet', async () => {
    const probe = await fakeApi([]);
    const port = Number(new URL(probe.url).port);
    await probe.close();
    const log = logger();
    const sending = client(probe.url, log).send([EVENT]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const api = await fakeApi([], port);
    try {
      await expect(sending).resolves.toEqual(ACCEPTED);
      expect(log.lines[0]).toMatch(/^batch not stored \(ECONNREFUSED\); retrying/);
    } finally {
      await api.close();
    }
  });

  it('gives up at once on a refused key, saying which flag to check', async () => {
    const api = await fakeApi([{ status: 401, body: { message: 'Invalid ingest key' } }]);
    try {
      const error = await client(api.url)
        .send([EVENT])
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FatalIngestError);
      expect((error as Error).message).toMatch(/refused the ingest key \(HTTP 401\): check --key/);
      expect(api.requests).toHaveLength(1);
    } finally {
      await api.close();
    }
  });

  it('reports events the API rejected, with their reasons, and goes on', async () => {
    const rejected = { index: 1, eventId: 'sim-x', errors: ['unitCode: unknown unit "X"'] };
    const result = { accepted: 1, duplicates: 0, rejected: [rejected] };
    const api = await fakeApi([{ status: 202, body: result }]);
    const log = logger();
    try {
      await expect(client(api.url, log).send([EVENT, EVENT])).resolves.toEqual(result);
      expect(log.lines).toEqual([
        'the API rejected 1 simulated events, e.g. sim-x: unitCode: unknown unit "X"',
      ]);
    } finally {
      await api.close();
    }
  });

  it('stops when the API rejects a whole batch: it holds another directory', async () => {
    const rejected = { index: 0, eventId: EVENT.eventId, errors: ['unitCode: unknown unit "70"'] };
    const api = await fakeApi([
      { status: 202, body: { accepted: 0, duplicates: 0, rejected: [rejected] } },
    ]);
    try {
      await expect(client(api.url).send([EVENT])).rejects.toThrow(
        /rejected every event of a batch \(is its demo directory loaded, DEMO=on\?\), e\.g\. .*unknown unit "70"/,
      );
    } finally {
      await api.close();
    }
  });

  it('stops retrying when told to stop', async () => {
    const api = await fakeApi(Array.from({ length: 100 }, () => ({ status: 503 })));
    const stop = new AbortController();
    try {
      const sending = client(api.url, logger(), stop.signal).send([EVENT]);
      setTimeout(() => stop.abort(), 50);
      await expect(sending).rejects.toMatchObject({ name: 'AbortError' });
    } finally {
      await api.close();
    }
  });
});
