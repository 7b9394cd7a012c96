import { dropTemplate } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env.IOC_TEST_SERVER_URL;
  if (serverUrl) await dropTemplate(serverUrl);
  await globalThis.__iocTestServerStop?.();
}
