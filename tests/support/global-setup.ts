import { createTemplate, startTestServer } from './test-database';

declare global {
  // Shared between Jest's global setup and teardown, which run in one process.
  var __iocTestServerStop: (() => Promise<void>) | undefined;
}

export default async function globalSetup(): Promise<void> {
  const { serverUrl, stop } = await startTestServer();
  await createTemplate(serverUrl);
  // Workers start after this and inherit the environment.
  process.env.IOC_TEST_SERVER_URL = serverUrl;
  globalThis.__iocTestServerStop = stop;
}
