import { parseClientConfig } from './client-config';

describe('parseClientConfig', () => {
  it('takes the display zone from the answer, and nothing else', () => {
    expect(parseClientConfig({ zone: 'Asia/Ho_Chi_Minh' })).toEqual({ zone: 'Asia/Ho_Chi_Minh' });
    expect(parseClientConfig({ zone: 'Europe/Paris', extra: 1 })).toEqual({ zone: 'Europe/Paris' });
  });

  it('refuses an answer without a zone this runtime knows', () => {
    expect(() => parseClientConfig({ zone: 'Asia/Atlantis' })).toThrow(
      'client-config: zone must be an IANA time zone, not "Asia/Atlantis"',
    );
    expect(() => parseClientConfig({})).toThrow('not undefined');
    expect(() => parseClientConfig(null)).toThrow('not undefined');
    expect(() => parseClientConfig({ zone: 7 })).toThrow('not 7');
  });
});
