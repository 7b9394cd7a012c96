import { AppConfig } from './app-config';

describe('AppConfig', () => {
  it('has the SPEC defaults in demo mode', () => {
    const config = new AppConfig({});
    expect(config).toMatchObject({
      port: 3000,
      demo: true,
      simulator: true,
      zone: 'Asia/Ho_Chi_Minh',
    });
    expect(config.databaseUrl).toBeUndefined();
    expect(new AppConfig({ TZ_DISPLAY: 'Asia/Bangkok' }).zone).toBe('Asia/Bangkok');
    expect(config.metricSettings.lateAgency.onTimeTarget).toBe(0.985);
  });

  it('fails naming the variable that is wrong', () => {
    expect(() => new AppConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => new AppConfig({ DATABASE_URL: 'mysql://x' })).toThrow(
      /DATABASE_URL: must be a postgres/,
    );
    expect(() => new AppConfig({ DEMO: 'maybe' })).toThrow(/DEMO: must be "on" or "off"/);
    expect(() => new AppConfig({ METRIC_SETTINGS: '{nope' })).toThrow(
      /METRIC_SETTINGS: must be a JSON object/,
    );
    expect(() => new AppConfig({ TZ_DISPLAY: 'Asia/Hanoi City' })).toThrow(
      /TZ_DISPLAY: must be an IANA time zone/,
    );
  });

  it('has no default secret outside demo mode', () => {
    expect(() => new AppConfig({ DEMO: 'off' })).toThrow(/JWT_SECRET is required/);
    const config = new AppConfig({ DEMO: 'off', JWT_SECRET: 'x'.repeat(32) });
    expect(config.jwtSecret).toBe('x'.repeat(32));
    expect(config.simulator).toBe(false);
    expect(
      () => new AppConfig({ DEMO: 'off', SIMULATOR: 'on', JWT_SECRET: 'x'.repeat(32) }),
    ).toThrow(/SIMULATOR/);
  });

  it('merges metric settings over the defaults', () => {
    const config = new AppConfig({
      METRIC_SETTINGS:
        '{"lowSampleMinReceived": 50, "score": {"online": {"weight": 12, "fullAt": 0.6}}}',
    });
    expect(config.metricSettings.lowSampleMinReceived).toBe(50);
    expect(config.metricSettings.score.online).toEqual({ weight: 12, fullAt: 0.6 });
    expect(config.metricSettings.score.progress).toEqual({ weight: 20, fullAt: 1 });
  });

  it('refuses metric settings that would score nonsense, naming the field', () => {
    expect(() => new AppConfig({ METRIC_SETTINGS: '{"score": {"online": {}}}' })).toThrow(
      /METRIC_SETTINGS\.score\.online\.weight: /,
    );
    expect(
      () =>
        new AppConfig({ METRIC_SETTINGS: '{"score": {"online": {"weight": 12, "fullAt": 50}}}' }),
    ).toThrow(/METRIC_SETTINGS\.score\.online\.fullAt: must be at most 1/);
    expect(() => new AppConfig({ METRIC_SETTINGS: '{"lowSampleMinReceived": -3}' })).toThrow(
      /METRIC_SETTINGS\.lowSampleMinReceived: must not be negative/,
    );
    expect(() => new AppConfig({ METRIC_SETTINGS: '{"targets": {"onTime": "98%"}}' })).toThrow(
      /METRIC_SETTINGS\.targets\.onTime/,
    );
    // A misspelt name is refused rather than silently ignored.
    expect(() => new AppConfig({ METRIC_SETTINGS: '{"lowSampleMin": 10}' })).toThrow(
      /METRIC_SETTINGS: .*lowSampleMin/,
    );
    expect(() => new AppConfig({ METRIC_SETTINGS: '[1, 2]' })).toThrow(/METRIC_SETTINGS/);
  });
});
