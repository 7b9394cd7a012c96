import { parseCliOptions, USAGE, UsageError } from './cli-options';
import { runSimulator } from './run-simulator';
import { createLogger } from '@ioc/logging';

// The API's format (pretty in a terminal, JSON lines otherwise): the demo runs both in one terminal.
const logger = createLogger({
  name: 'simulator',
  level: process.env.LOG_LEVEL,
  format: process.env.LOG_FORMAT,
});

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
    logger.fatal(`fatal: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
