import { parseCliOptions, USAGE, UsageError } from './cli-options';
import { runSimulator } from './run-simulator';
import type { SimulatorLogger } from './simulator-logger';

const line = (message: string) => `${new Date().toISOString()} simulator: ${message}`;
const logger: SimulatorLogger = {
  info: (message) => console.log(line(message)),
  warn: (message) => console.warn(line(message)),
  error: (message) => console.error(line(message)),
};

async function main(): Promise<void> {
  const options = parseCliOptions(process.argv.slice(2));
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    // A second signal means "now": what was posted is recorded, the rest is re-sent next start.
    if (stop.signal.aborted) process.exit(1);
    logger.info(`${signal} received, stopping`);
    stop.abort();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  await runSimulator({ ...options, logger, signal: stop.signal });
  logger.info('stopped');
}

main().then(
  // Exit at once: an idle keep-alive connection to the API must not hold the process open.
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`simulator: ${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error(line(`fatal: ${error instanceof Error ? error.message : String(error)}`));
    process.exit(1);
  },
);
