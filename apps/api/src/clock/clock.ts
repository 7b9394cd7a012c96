import { Global, Injectable, Module } from '@nestjs/common';

/** The only source of "now", so tests can move time without touching the database. */
@Injectable()
export class Clock {
  now(): number {
    return Date.now();
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
