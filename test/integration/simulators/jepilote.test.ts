import { request } from 'undici';
import { unzipSync, strFromU8 } from 'fflate';
import { createDataset } from '../../../src/simulators/data/dataset';
import { createJepiloteSimulator } from '../../../src/simulators/jepilote/server';
import type { SimulatorServer } from '../../../src/simulators/http-kit';
import { demoCredentials } from '../../../src/simulators/credentials';
import { validateFec } from '../../../src/fec/validate';

const dataset = createDataset();
let sim: SimulatorServer;
let clock = Date.parse('2026-11-22T10:00:00Z');

async function call(
  method: 'GET' | 'POST',
  path: string,
  opts: { token?: string; json?: unknown; form?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.json);
  } else if (opts.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(opts.form).toString();
  }
  const res = await request(`${sim.url}${path}`, { method, headers, body });
  const bytes = Buffer.from(await res.body.arrayBuffer());
  const type = String(res.headers['content-type'] ?? '');
  return {
    status: res.statusCode,
    headers: res.headers,
    bytes,
    json: type.includes('json') ? JSON.parse(bytes.toString()) : undefined,
  };
}

async function login(who: 'demo' | 'other' = 'demo') {
  const { username, password } = demoCredentials.jepilote[who];
  const res = await call('POST', '/login_check', { form: { _username: username, _password: password } });
  expect(res.status).toBe(200);
  return res.json.token as string;
}

beforeAll(async () => {
  sim = await createJepiloteSimulator({ dataset, now: () => clock });
});
afterAll(() => sim.close());

describe('Jepilote simulator: authentication', () => {
  it('logs in with POST or GET form fields and refuses wrong credentials with 401', async () => {
    expect(await login()).toMatch(/^[0-9a-f]{48}$/);
    const viaGet = await call(
      'GET',
      `/login_check?_username=${encodeURIComponent(demoCredentials.jepilote.demo.username)}&_password=${demoCredentials.jepilote.demo.password}`,
    );
    expect(viaGet.status).toBe(200);
    const wrong = await call('POST', '/login_check', {
      form: { _username: 'compta@cabinet-demo.test', _password: 'nope' },
    });
    expect(wrong.status).toBe(401);
  });

  it('answers 401 without a token and with an unknown one', async () => {
    expect((await call('GET', '/companies')).status).toBe(401);
    expect((await call('GET', '/companies', { token: 'forged' })).status).toBe(401);
  });
});

describe('Jepilote simulator: companies', () => {
  it('lists only the account\u2019s companies as a Hydra collection', async () => {
    const res = await call('GET', '/companies', { token: await login() });
    expect(res.status).toBe(200);
    expect(res.json['@type']).toBe('hydra:Collection');
    const ids = res.json['hydra:member'].map((c: { companyId: number }) => c.companyId);
    expect(ids).toEqual(dataset.companiesOf('jepilote', 'demo').map((c) => Number(c.id)));
    expect(res.json['hydra:totalItems']).toBe(ids.length);
    expect(res.json['hydra:member'][0]).toMatchObject({
      '@id': '/companies/143',
      '@type': 'Companies',
      companyName: 'BOULANGERIE DES ABBESSES',
    });
    const other = await call('GET', '/companies', { token: await login('other') });
    expect(other.json['hydra:member'].map((c: { companyId: number }) => c.companyId)).toEqual([188]);
  });
});

describe('Jepilote simulator: exports', () => {
  it('validates the body with 400s in the documented answer shape', async () => {
    const token = await login();
    for (const body of [
      {},
      { companyId: 143 },
      { companyId: 143, format: 'PDF' },
      { companyId: '143', format: 'FEC' },
      { companyId: 143, format: 'FEC', emailAddress: 'not-an-email' },
      { companyId: 143, format: 'FEC', dateDebut: '2026-02-30' },
      { companyId: 143, format: 'FEC', dateDebut: '2026-05-01', dateFin: '2026-04-01' },
      { companyId: 143, format: 'FEC', alreadyExported: 2 },
    ]) {
      const res = await call('POST', '/export_documents', { token, json: body });
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ success: false, file: null });
      expect(res.json.error.length).toBeGreaterThan(0);
    }
  });

  it('refuses another account\u2019s company and an unknown one alike with 403', async () => {
    const token = await login();
    const foreign = await call('POST', '/export_documents', {
      token,
      json: { companyId: 188, format: 'FEC' },
    });
    const unknown = await call('POST', '/export_documents', {
      token,
      json: { companyId: 999, format: 'FEC' },
    });
    expect(foreign.status).toBe(403);
    expect(unknown.status).toBe(403);
    expect(foreign.json).toEqual(unknown.json);
  });

  it('exports a valid, balanced FEC and serves it under the three documented paths', async () => {
    const token = await login();
    const res = await call('POST', '/export_documents', {
      token,
      json: { companyId: 171, format: 'FEC', alreadyExported: 1, emailAddress: 'compta@cabinet-demo.test' },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ success: true, message: 'export FEC effectué', error: null });
    const company = dataset.company('jepilote', '171')!;
    // Named after the exercise's closing date, not the export day (2026-11-22 on the simulator's clock).
    expect(res.json.file.name).toBe(`${company.siren}FEC20261231.txt`);
    const hash = res.json.file.api_url.split('/get_export/')[1];
    expect(res.json.file.url).toBe(`${sim.url}/download/show/hash/${hash}`);
    const files = await Promise.all(
      ['get_export', 'export_documents', 'export_document'].map((p) =>
        call('GET', `/${p}/${hash}`, { token }),
      ),
    );
    files.forEach((f) => expect(f.status).toBe(200));
    expect(files[1]!.bytes.equals(files[0]!.bytes)).toBe(true);
    const report = validateFec(files[0]!.bytes.toString('utf8'));
    expect(report.errors).toEqual([]);
    expect(report.entryCount).toBeGreaterThan(0);
    expect(report.debitTotal).toBe(report.creditTotal);
  });

  it('serves 404 for an unknown hash and 403 to another account or without a token', async () => {
    const token = await login();
    const res = await call('POST', '/export_documents', {
      token,
      json: { companyId: 143, format: 'FEC', alreadyExported: 1 },
    });
    const hash = res.json.file.api_url.split('/get_export/')[1];
    expect((await call('GET', `/get_export/${'0'.repeat(100)}`, { token })).status).toBe(404);
    expect((await call('GET', `/get_export/${hash}`, { token: await login('other') })).status).toBe(403);
    expect((await call('GET', `/get_export/${hash}`)).status).toBe(403);
    expect((await call('GET', `/download/show/hash/${hash}`)).status).toBe(302);
  });

  it('flagAsExported removes documents from later exports with alreadyExported=0', async () => {
    const token = await login();
    const body = { companyId: 143, format: 'ACD', dateDebut: '2026-01-01', dateFin: '2026-06-30' };
    const first = await call('POST', '/export_documents', { token, json: { ...body, flagAsExported: 1 } });
    const firstZip = unzipSync(
      new Uint8Array(
        (await call('GET', `/get_export/${first.json.file.api_url.split('/get_export/')[1]}`, { token }))
          .bytes,
      ),
    );
    const pdfs = Object.keys(firstZip).filter((n) => n.endsWith('.pdf'));
    const expected = dataset
      .company('jepilote', '143')!
      .documents.filter((d) => d.createdAt >= '2026-01-01' && d.createdAt.slice(0, 10) <= '2026-06-30');
    expect(pdfs.sort()).toEqual(expected.map((d) => `documents/${d.name}`).sort());
    expect(strFromU8(firstZip[`${first.json.file.name}.in`]!)).toMatch(
      /^# GRAND LIVRE SIMULATOR PLACEHOLDER - NOT THE ACD/,
    );
    expect(strFromU8(firstZip['documents.csv']!).split('\r\n').filter(Boolean)).toHaveLength(
      expected.length + 1,
    );
    const again = await call('POST', '/export_documents', { token, json: body });
    const againZip = unzipSync(
      new Uint8Array(
        (await call('GET', `/get_export/${again.json.file.api_url.split('/get_export/')[1]}`, { token }))
          .bytes,
      ),
    );
    expect(Object.keys(againZip).filter((n) => n.endsWith('.pdf'))).toEqual([]);
    const including = await call('POST', '/export_documents', {
      token,
      json: { ...body, alreadyExported: 1 },
    });
    const includingZip = unzipSync(
      new Uint8Array(
        (await call('GET', `/get_export/${including.json.file.api_url.split('/get_export/')[1]}`, { token }))
          .bytes,
      ),
    );
    expect(Object.keys(includingZip).filter((n) => n.endsWith('.pdf'))).toHaveLength(expected.length);
  });

  it('filters documents on their creation date with dateDebut / dateFin', async () => {
    const token = await login();
    const res = await call('POST', '/export_documents', {
      token,
      json: {
        companyId: 171,
        format: 'ACD',
        alreadyExported: 1,
        dateDebut: '2026-03-01',
        dateFin: '2026-03-31',
      },
    });
    const zip = unzipSync(
      new Uint8Array(
        (await call('GET', `/get_export/${res.json.file.api_url.split('/get_export/')[1]}`, { token })).bytes,
      ),
    );
    const expected = dataset
      .company('jepilote', '171')!
      .documents.filter((d) => d.createdAt.startsWith('2026-03'));
    expect(
      Object.keys(zip)
        .filter((n) => n.endsWith('.pdf'))
        .sort(),
    ).toEqual(expected.map((d) => `documents/${d.name}`).sort());
    clock += 1000;
  });
});
