import { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { ServerOptions } from 'socket.io';

/**
 * socket.io as the REST API: other origins' pages may use the live stream's polling transport
 * only when `CORS_ORIGINS` names them.
 */
export class LiveIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly corsOrigins: readonly string[],
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: Partial<ServerOptions>): unknown {
    const cors = this.corsOrigins.length ? { origin: [...this.corsOrigins] } : options?.cors;
    return super.createIOServer(port, { ...options, cors });
  }
}
