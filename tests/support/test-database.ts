import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { EmbeddedDatabase } from '../../apps/api/src/database/embedded-database';
import { MIGRATIONS } from '../../apps/api/src/database/migrations';
import { TEST_PORTS } from './ports';

/** The server the tests use: `DATABASE_URL`, else an embedded PostgreSQL started for the run. */
export async function startTestServer(): Promise<{ serverUrl: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL)
    return { serverUrl: process.env.DATABASE_URL, stop: async () => {} };
  Logger.overrideLogger(['error', 'warn']);
  const embedded = new EmbeddedDatabase(
    mkdtempSync(join(tmpdir(), 'ioc-test-')),
    TEST_PORTS.embeddedDatabase + (process.pid % 1000),
  );
  const serverUrl = await embedded.start();
  return { serverUrl, stop: () => embedded.stop() };
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// One template per test run, so runs sharing a server never drop each other's template.
const TEMPLATE = process.env.IOC_TEST_TEMPLATE ?? `ioc_test_template_${process.pid}`;
process.env.IOC_TEST_TEMPLATE = TEMPLATE;

/** A migrated template database; each test file clones it, so files never share data. */
export async function createTemplate(serverUrl: string): Promise<void> {
  await admin(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${TEMPLATE}`);
  });
  const dataSource = new DataSource({
    type: 'postgres',
    url: withDatabase(serverUrl, TEMPLATE),
    migrations: MIGRATIONS,
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();
}

export function cloneTemplate(
  serverUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  return createDatabase(serverUrl, TEMPLATE);
}

/** A database of the test's own: a copy of `template`, or empty (for the migrations themselves). */
export async function createDatabase(
  serverUrl: string,
  template = 'template0',
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ioc_test_${randomBytes(6).toString('hex')}`;
  await admin(serverUrl, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    url: withDatabase(serverUrl, name),
    drop: () =>
      admin(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      ).then(() => {}),
  };
}

export async function dropTemplate(serverUrl: string): Promise<void> {
  await admin(serverUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${TEMPLATE} WITH (FORCE)`),
  );
}
