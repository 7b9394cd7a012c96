import { parseCliOptions, UsageError } from './cli-options';
import { DEFAULT_SCALE } from './run-simulator';

describe('parseCliOptions', () => {
  it('fills in the defaults around the ingest key', () => {
    expect(parseCliOptions(['--key', 'demo-ingest-key'])).toEqual({
      apiUrl: 'http://127.0.0.1:3000',
      apiKey: 'demo-ingest-key',
      province: 'binh-phuoc-2021',
      seed: 2021,
      speed: 1,
      scale: DEFAULT_SCALE,
      backfillMonths: 13,
      dataDir: '.data',
      zone: 'Asia/Ho_Chi_Minh',
    });
  });

  it('reads every flag', () => {
    const argv = [
      '--api=http://api:3000',
      '--key=k',
      '--province=dong-nai-2025',
      '--seed=7',
      '--speed=10',
      '--scale=0.5',
      '--backfill-months=2',
      '--data-dir=/var/lib/ioc',
      '--zone=Asia/Bangkok',
    ];
    expect(parseCliOptions(argv)).toEqual({
      apiUrl: 'http://api:3000',
      apiKey: 'k',
      province: 'dong-nai-2025',
      seed: 7,
      speed: 10,
      scale: 0.5,
      backfillMonths: 2,
      dataDir: '/var/lib/ioc',
      zone: 'Asia/Bangkok',
    });
  });

  it('answers --help with the usage', () => {
    expect(parseCliOptions(['--help'])).toBe('help');
  });

  it.each([
    [[], /--key is required/],
    [['--key', 'k', '--scale', '0'], /--scale must be above 0/],
    [['--key', 'k', '--province', 'dong-nai'], /--province must be one of binh-phuoc-2021, dong/],
    [['--key', 'k', '--speed', 'fast'], /--speed must be a number from 1 to 1000/],
    [['--key', 'k', '--seed', '1.5'], /--seed must be a whole number/],
    [['--key', 'k', '--backfill-months', '-1'], /--backfill-months/],
    [['--key', 'k', '--api', 'ftp://x'], /--api must be an http\(s\) URL/],
    [['--key', 'k', '--zone', 'Mars/Olympus'], /--zone must be an IANA time zone/],
    [['--key', 'k', '--colour'], /Unknown option '--colour'/],
  ])('refuses %j, naming the flag', (argv, message) => {
    expect(() => parseCliOptions(argv)).toThrow(UsageError);
    expect(() => parseCliOptions(argv)).toThrow(message);
  });
});
