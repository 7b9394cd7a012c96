import { DynamicModule, Global, Injectable, Module } from '@nestjs/common';

/** The only source of "now", so tests can move time without touching the database. */
@Injectable()
export class Clock {
  now(): number {
    return Date.now();
  }
}

@Global()
@Module({})
export class ClockModule {
  /** The system clock, or the one a test moves by hand. */
  static forRoot(clock: Clock = new Clock()): DynamicModule {
    return {
      module: ClockModule,
      providers: [{ provide: Clock, useValue: clock }],
      exports: [Clock],
    };
  }
}
