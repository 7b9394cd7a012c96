import { AppConfig } from './app-config';

describe('AppConfig', () => {
  it('has the SPEC defaults in demo mode', () => {
    const config = new AppConfig({});
    expect(config).toMatchObject({
      port: 3000,
      demo: true,
      simulator: true,
      zone: 'Asia/Ho_Chi_Minh',
      demoProvince: 'binh-phuoc-2021',
    });
    expect(new AppConfig({ DEMO_PROVINCE: 'dong-nai-2025' }).demoProvince).toBe('dong-nai-2025');
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
    expect(() => new AppConfig({ DEMO_PROVINCE: 'dong-nai' })).toThrow(
      /DEMO_PROVINCE: must be one of binh-phuoc-2021, dong-nai-2025/,
    );
    expect(() => new AppConfig({ METRIC_SETTINGS: '{nope' })).toThrow(
      /METRIC_SETTINGS: must be a JSON object/,
    );
    expect(() => new AppConfig({ TZ_DISPLAY: 'Asia/Hanoi City' })).toThrow(
      /TZ_DISPLAY: must be an IANA time zone/,
    );
  });

  it('writes logs as LOG_FORMAT says, else as stdout calls for', () => {
    expect(new AppConfig({ LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(new AppConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    // An empty value is unset: the format then follows stdout.
    const unset = process.stdout.isTTY ? 'pretty' : 'json';
    expect(new AppConfig({ LOG_FORMAT: '' }).logFormat).toBe(unset);
    expect(() => new AppConfig({ LOG_FORMAT: 'yaml' })).toThrow(/LOG_FORMAT/);
  });

  it('has no built-in secret: demo mode makes its own, elsewhere JWT_SECRET is required', () => {
    expect(new AppConfig({}).jwtSecret).toBeUndefined();
    expect(new AppConfig({ JWT_SECRET: 'y'.repeat(32) }).jwtSecret).toBe('y'.repeat(32));
  });

  it('trusts X-Forwarded-For only from the proxies TRUST_PROXY names, never from everyone', () => {
    expect(new AppConfig({}).trustProxy).toBeUndefined();
    expect(new AppConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(new AppConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toEqual(['loopback']);
    expect(
      new AppConfig({ TRUST_PROXY: '172.16.0.0/12, 10.1.2.3, ::1, fd00::/8' }).trustProxy,
    ).toEqual(['172.16.0.0/12', '10.1.2.3', '::1', 'fd00::/8']);
    for (const value of ['true', 'on', '0', '11', '10.0.0.0/33', 'proxy.local', 'loopback,']) {
      expect(() => new AppConfig({ TRUST_PROXY: value })).toThrow(
        /TRUST_PROXY: must be the number of proxies/,
      );
    }
  });

  it('opens CORS to the origins CORS_ORIGINS names, and to none by default', () => {
    expect(new AppConfig({}).corsOrigins).toEqual([]);
    expect(
      new AppConfig({ CORS_ORIGINS: 'https://ioc.example.gov.vn, http://localhost:5173' })
        .corsOrigins,
    ).toEqual(['https://ioc.example.gov.vn', 'http://localhost:5173']);
    for (const value of ['*', 'ioc.example.gov.vn', 'https://ioc.example.gov.vn/wall', 'ftp://x']) {
      expect(() => new AppConfig({ CORS_ORIGINS: value })).toThrow(
        /CORS_ORIGINS: .* is not an origin/,
      );
    }
  });

  it('asks for a METRICS_TOKEN long enough not to be guessed', () => {
    expect(() => new AppConfig({ METRICS_TOKEN: 'short' })).toThrow(
      /METRICS_TOKEN: must be at least 16/,
    );
    expect(new AppConfig({ METRICS_TOKEN: 'm'.repeat(16) }).metricsToken).toBe('m'.repeat(16));
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
