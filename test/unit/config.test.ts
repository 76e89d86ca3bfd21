import { readFileSync } from 'node:fs';
import { ConfigError, collectSecrets, loadConfigFile, parseConfig } from '../../src/config';

const exampleEnv = Object.fromEntries(
  readFileSync('config/local-simulators.env.example', 'utf8')
    .split('\n')
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => line.split('=', 2) as [string, string]),
);

describe('configuration', () => {
  it('accepts the shipped example with its env file, resolving env references', () => {
    const config = loadConfigFile('config/local-simulators.example.json', exampleEnv);
    expect(config.tenants[0]?.providers.jepilote?.password).toBe(exampleEnv.JEPILOTE_PASSWORD);
    expect(config.limits.maxUploadBytes).toBe(20 * 1024 * 1024);
    expect(collectSecrets(config)).toEqual(
      expect.arrayContaining([exampleEnv.PLEO_API_KEY, exampleEnv.INQOM_CLIENT_SECRET]),
    );
  });

  it('names the missing environment variable and its place in one readable message', () => {
    const env = { ...exampleEnv, INQOM_PASSWORD: undefined };
    expect(() => loadConfigFile('config/local-simulators.example.json', env)).toThrow(
      /tenants\.0\.providers\.inqom\.password: environment variable INQOM_PASSWORD is not set/,
    );
  });

  it('refuses unknown keys, bad urls and short signing secrets', () => {
    const raw = JSON.parse(readFileSync('config/local-simulators.example.json', 'utf8'));
    expect(() => parseConfig({ ...raw, surprise: 1 }, exampleEnv)).toThrow(ConfigError);
    raw.tenants[0].providers.pleo.baseUrl = 'ftp://nope';
    expect(() => parseConfig(raw, exampleEnv)).toThrow(/providers\.pleo\.baseUrl/);
    raw.tenants[0].providers.pleo.baseUrl = 'http://127.0.0.1:4104';
    expect(() => parseConfig(raw, { ...exampleEnv, GRAND_LIVRE_SIGNING_SECRET: 'short' })).toThrow(
      /signingSecret/,
    );
  });

  it('takes browser origins as bare origins, and a tokenSigningKey of 32 characters or more', () => {
    const raw = JSON.parse(readFileSync('config/local-simulators.example.json', 'utf8'));
    raw.tenants[0].allowedOrigins = ['https://app.example.com', 'http://127.0.0.1:5173'];
    expect(parseConfig(raw, exampleEnv).tenants[0]?.allowedOrigins).toHaveLength(2);
    for (const bad of ['https://app.example.com/', 'https://app.example.com/path', '*', 'ftp://x.example'])
      expect(() =>
        parseConfig({ ...raw, tenants: [{ ...raw.tenants[0], allowedOrigins: [bad] }] }, exampleEnv),
      ).toThrow(/tenants\.0\.allowedOrigins\.0/);
    const short = { ...raw, tenants: [{ ...raw.tenants[0], tokenSigningKey: 'short' }] };
    expect(() => parseConfig(short, exampleEnv)).toThrow(/tenants\.0\.tokenSigningKey/);
    const rotated = parseConfig(
      { ...short, tenants: [{ ...raw.tenants[0], tokenSigningKey: 'k'.repeat(32) }] },
      exampleEnv,
    );
    expect(collectSecrets(rotated)).toContain('k'.repeat(32));
  });

  it('takes Inqom thumbnail origins as https origins, plain http only on loopback', () => {
    const raw = JSON.parse(readFileSync('config/local-simulators.example.json', 'utf8'));
    const withOrigins = (thumbnailOrigins: string[]) => ({
      ...raw,
      tenants: [
        {
          ...raw.tenants[0],
          providers: {
            ...raw.tenants[0].providers,
            inqom: { ...raw.tenants[0].providers.inqom, thumbnailOrigins },
          },
        },
      ],
    });
    expect(parseConfig(raw, exampleEnv).tenants[0]?.providers.inqom?.thumbnailOrigins).toEqual([]);
    const good = [
      'https://fredprodstorage.blob.core.windows.net',
      'http://127.0.0.1:4103',
      'http://localhost:9000',
    ];
    expect(parseConfig(withOrigins(good), exampleEnv).tenants[0]?.providers.inqom?.thumbnailOrigins).toEqual(
      good,
    );
    for (const bad of [
      'http://fredprodstorage.blob.core.windows.net',
      'http://10.0.0.5',
      'https://storage.example.com/enterprisespublic',
      'ftp://storage.example.com',
    ])
      expect(() => parseConfig(withOrigins([bad]), exampleEnv)).toThrow(
        /tenants\.0\.providers\.inqom\.thumbnailOrigins\.0/,
      );
  });

  it('refuses a key hash shared by two tenants and a file that is not JSON', () => {
    const raw = JSON.parse(readFileSync('config/local-simulators.example.json', 'utf8'));
    raw.tenants.push({ ...raw.tenants[0], id: 'twin' });
    expect(() => parseConfig(raw, exampleEnv)).toThrow(/API key hash is used twice/);
    expect(() => loadConfigFile('package-lock.json.missing', exampleEnv)).toThrow(/cannot read/);
  });
});
