import { DataSource } from 'typeorm';

/**
 * Runs a read, or joins the identical one already under way: the live stream's windows all end
 * at the same instant, so their in-progress and staffing reads are one. Identical means the
 * same statement and parameters, instants to the millisecond. Rows are shared, and read only.
 */
export class JoinedReads {
  /** Reads under way, by statement and parameters. */
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(private readonly db: DataSource) {}

  query<T>(sql: string, params: readonly unknown[]): Promise<T> {
    const key = `${sql}\u0000${JSON.stringify(params)}`;
    let read = this.inFlight.get(key) as Promise<T> | undefined;
    if (!read) {
      read = this.db.query<T>(sql, [...params]).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, read);
    }
    return read;
  }
}
