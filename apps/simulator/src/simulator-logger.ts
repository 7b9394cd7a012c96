/** What the simulator logs through: `console` fits, and so does a pino logger. */
export interface SimulatorLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
