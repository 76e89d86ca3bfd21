/** The Inqom simulator over real HTTP: the token endpoint, every API route, and their error statuses. */
import { FormData, request } from 'undici';
import { createHash } from 'node:crypto';
import { createDataset } from '../../../src/simulators/data/dataset';
import { demoCredentials } from '../../../src/simulators/credentials';
import { createInqomSimulator, type InqomSimulator } from '../../../src/simulators/inqom/server';

const creds = demoCredentials.inqom;
const dataset = createDataset({ seed: 42 });
let clock = Date.parse('2026-06-01T10:00:00Z');
const firstDoc = dataset.company('inqom', '11287')!.documents[0]!;
const foreignDoc = dataset.company('inqom', '11301')!.documents[0]!;
let sim: InqomSimulator;

const tokenForm = (overrides: Record<string, string> = {}) =>
  new URLSearchParams({
    username: creds.demo.username,
    password: creds.demo.password,
    grant_type: 'password',
    scope: 'openid apidata',
    client_id: creds.clientId,
    client_secret: creds.clientSecret,
    ...overrides,
  }).toString();

async function call(
  method: 'GET' | 'POST',
  path: string,
  init: { token?: string; body?: string | FormData; headers?: Record<string, string> } = {},
) {
  const response = await request(`${sim.url}${path}`, {
    method,
    headers: { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...init.headers },
    body: init.body ?? null,
  });
  const text = await response.body.text();
  const type = String(response.headers['content-type'] ?? '');
  return {
    status: response.statusCode,
    headers: response.headers,
    json: type.includes('json') ? JSON.parse(text) : text,
  };
}

const fetchToken = async (overrides: Record<string, string> = {}) =>
  call('POST', '/identity/connect/token', {
    body: tokenForm(overrides),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

let token: string;
let otherToken: string;
const DOCS = (folder: string | number) => `/api/accounting-documents/accounting-folders/${folder}/Documents`;

beforeAll(async () => {
  sim = await createInqomSimulator({
    dataset,
    // Route contract tests fire bursts of calls; the 15 rps limit has its own test below.
    enforceRateLimits: false,
    now: () => clock,
    tokenTtlSeconds: 600,
    publicUrlTtlSeconds: 120,
  });
  token = (await fetchToken()).json.access_token;
  otherToken = (await fetchToken({ username: creds.other.username, password: creds.other.password })).json
    .access_token;
});
afterAll(() => sim.close());

describe('POST /identity/connect/token', () => {
  it('issues a JWT-shaped bearer token carrying the user, firm and expiry', async () => {
    const res = await fetchToken();
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ expires_in: 600, token_type: 'Bearer', scope: 'openid apidata' });
    const [header, payload, signature] = String(res.json.access_token).split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toMatchObject({
      alg: 'HS256',
      typ: 'JWT',
    });
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    expect(claims).toMatchObject({
      sub: creds.demo.username,
      firm: '5001',
      exp: Math.floor(clock / 1000) + 600,
    });
    expect(signature).toMatch(/^[\w-]+$/);
  });

  it.each([
    [{ grant_type: 'client_credentials' }, 400, 'unsupported_grant_type'],
    [{ scope: 'openid admin' }, 400, 'invalid_scope'],
    [{ password: 'wrong' }, 400, 'invalid_grant'],
    [{ username: 'nobody@example.test' }, 400, 'invalid_grant'],
    [{ client_secret: 'wrong' }, 401, 'invalid_client'],
    [{ client_id: 'someone-else' }, 401, 'invalid_client'],
  ])('refuses %j with %i %s', async (overrides, status, error) => {
    const res = await fetchToken(overrides);
    expect(res.status).toBe(status);
    expect(res.json.error).toBe(error);
    expect(JSON.stringify(res.json)).not.toContain('access_token');
  });
});

describe('bearer authentication', () => {
  // The seed: "403 forbidden — l'authentification n'a pas fonctionné" (no 401 is documented).
  it('answers 403 without a token, with a forged one, and once the token has expired', async () => {
    expect((await call('GET', `${DOCS(11287)}/${firstDoc.id}`)).status).toBe(403);
    const forged = token.slice(0, -4) + 'AAAA';
    expect((await call('GET', `${DOCS(11287)}/${firstDoc.id}`, { token: forged })).status).toBe(403);
    const shortLived = (await fetchToken()).json.access_token as string;
    expect((await call('GET', `${DOCS(11287)}/${firstDoc.id}`, { token: shortLived })).status).toBe(200);
    clock += 601_000;
    try {
      const expired = await call('GET', `${DOCS(11287)}/${firstDoc.id}`, { token: shortLived });
      expect(expired.status).toBe(403);
      expect(expired.json).toMatchObject({ status: 403, title: 'Forbidden' });
    } finally {
      clock -= 601_000;
    }
  });

  it("answers 403 for a folder the user's firm does not own, or that does not exist", async () => {
    expect((await call('GET', `${DOCS(11301)}/${foreignDoc.id}`, { token })).status).toBe(403);
    expect((await call('GET', `${DOCS(11287)}/${firstDoc.id}`, { token: otherToken })).status).toBe(403);
    expect((await call('GET', '/v1/dossiers/99999/accounting-periods', { token })).status).toBe(403);
  });

  it('enforces about 15 requests per second per client and user when asked', async () => {
    const limited = await createInqomSimulator({ dataset, now: () => clock, enforceRateLimits: true });
    try {
      const form = { body: tokenForm(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
      const t = (await (
        await request(`${limited.url}/identity/connect/token`, { method: 'POST', ...form })
      ).body.json()) as { access_token: string };
      const statuses: number[] = [];
      for (let i = 0; i < 17; i++) {
        const res = await request(`${limited.url}/v1/dossiers/11287/journals`, {
          headers: { authorization: `Bearer ${t.access_token}` },
        });
        await res.body.dump();
        statuses.push(res.statusCode);
        if (res.statusCode === 429) expect(res.headers['retry-after']).toBe('1');
      }
      expect(statuses.filter((s) => s === 200)).toHaveLength(15);
      expect(statuses.slice(15)).toEqual([429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('documents', () => {
  const folder = dataset.company('inqom', '11287')!;

  it('GET …/Documents/{id} answers the PascalCase document, 404 when unknown', async () => {
    const generated = folder.documents[0]!;
    const res = await call('GET', `${DOCS(11287)}/${generated.id}`, { token });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      Id: Number(generated.id),
      AccountingFolderId: 11287,
      Name: generated.name,
      Type: generated.type,
      Checksum: generated.checksum,
      Status: 'Done',
      CounterParty: generated.counterParty,
      Amount: generated.amount / 100,
      OriginalName: generated.name,
    });
    expect(res.json.Size).toBe(Math.ceil(generated.bytes.length / 1024));
    const missing = await call('GET', `${DOCS(11287)}/1`, { token });
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ status: 404, title: 'Not Found' });
  });

  it('spreads generated statuses over the seven, Done the most frequent, duplicates pointing at their original', async () => {
    const res = await call('GET', `${DOCS(11287)}?pageSize=100`, { token });
    const statuses = (res.json.Items as { Status: string }[]).map((d) => d.Status);
    expect(new Set(statuses)).toEqual(
      new Set(['Received', 'ToReview', 'Processing', 'Duplicate', 'Done', 'ManualProcessing', 'Deleted']),
    );
    const done = statuses.filter((s) => s === 'Done').length;
    expect(done).toBeGreaterThan(statuses.length / 3);
    const duplicate = (res.json.Items as { Status: string; OriginId: number; Checksum: string }[]).find(
      (d) => d.Status === 'Duplicate',
    )!;
    expect(duplicate.OriginId).toBe(Number(folder.documents[0]!.id));
    expect(duplicate.Checksum).toBe(folder.documents[0]!.checksum);
  });

  it('lists a folder page by page with filters (a simulator choice), 400 on bad parameters', async () => {
    const first = await call('GET', `${DOCS(11287)}?pageNumber=1&pageSize=5`, { token });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({
      PageNumber: 1,
      PageSize: 5,
      TotalCount: folder.documents.length,
      TotalPages: 3,
    });
    expect(first.json.Items).toHaveLength(5);
    const third = await call('GET', `${DOCS(11287)}?pageNumber=3&pageSize=5`, { token });
    expect(third.json.Items).toHaveLength(folder.documents.length - 10);
    const suppliers = await call('GET', `${DOCS(11287)}?type=Supplier&pageSize=100`, { token });
    expect(suppliers.json.Items.every((d: { Type: string }) => d.Type === 'Supplier')).toBe(true);
    expect(suppliers.json.TotalCount).toBe(folder.documents.filter((d) => d.type === 'Supplier').length);
    const done = await call(
      'GET',
      `${DOCS(11287)}?status=Done&createdFrom=2026-01-01&createdTo=2026-06-30&pageSize=100`,
      { token },
    );
    for (const d of done.json.Items) {
      expect(d.Status).toBe('Done');
      expect(d.CreatedAt.slice(0, 10) >= '2026-01-01' && d.CreatedAt.slice(0, 10) <= '2026-06-30').toBe(true);
    }
    for (const query of [
      'pageSize=101',
      'pageNumber=0',
      'type=Invoice',
      'status=Lost',
      'createdFrom=01/02/2026',
    ]) {
      expect((await call('GET', `${DOCS(11287)}?${query}`, { token })).status).toBe(400);
    }
  });

  it('uploads multipart documents, checksums them, and marks the same bytes again as a Duplicate of the first', async () => {
    const bytes = Buffer.from(`%PDF-1.4 simulator upload ${Date.now()}`);
    const form = () => {
      const data = new FormData();
      data.append('TypeScan', 'Supplier');
      data.append('FileSource', 'Api');
      data.append('DocRef', 'REF-42');
      data.append('SourceId', 'erp-7');
      data.append('WithoutWorkflow', 'true');
      data.append('DocumentName', 'Facture ERP 7.pdf');
      data.append('Document', new Blob([bytes], { type: 'application/pdf' }), 'erp-7.pdf');
      return data;
    };
    const created = await call('POST', `${DOCS(11287)}/`, { token, body: form() });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({
      AccountingFolderId: 11287,
      Name: 'Facture ERP 7.pdf',
      OriginalName: 'erp-7.pdf',
      Type: 'Supplier',
      Source: 'Api',
      DocRef: 'REF-42',
      SourceId: 'erp-7',
      Status: 'Received',
      OriginId: null,
      Checksum: createHash('sha1').update(bytes).digest('hex').toUpperCase(),
    });
    expect(sim.documents.find(folder, String(created.json.Id))?.withoutWorkflow).toBe(true);
    const again = await call('POST', `${DOCS(11287)}/`, { token, body: form() });
    expect(again.json).toMatchObject({
      Status: 'Duplicate',
      OriginId: created.json.Id,
      Checksum: created.json.Checksum,
    });
    expect(again.json.Id).not.toBe(created.json.Id);
    const fetched = await call('GET', `${DOCS(11287)}/${again.json.Id}`, { token });
    expect(fetched.json.Status).toBe('Duplicate');
    // The same bytes in another folder are not a duplicate.
    const elsewhere = await call('POST', `${DOCS(11288)}/`, { token, body: form() });
    expect(elsewhere.json).toMatchObject({ Status: 'Received', OriginId: null });
  });

  it('answers 400 for an upload without Document, without TypeScan or with a bad TypeScan, 403 for a foreign folder', async () => {
    const base = (fields: Record<string, string>, withFile = true) => {
      const data = new FormData();
      for (const [k, v] of Object.entries(fields)) data.append(k, v);
      if (withFile)
        data.append('Document', new Blob([Buffer.from('x')], { type: 'application/pdf' }), 'x.pdf');
      return data;
    };
    expect(
      (await call('POST', `${DOCS(11287)}/`, { token, body: base({ TypeScan: 'Client' }, false) })).status,
    ).toBe(400);
    expect((await call('POST', `${DOCS(11287)}/`, { token, body: base({}) })).status).toBe(400);
    expect(
      (await call('POST', `${DOCS(11287)}/`, { token, body: base({ TypeScan: 'Invoice' }) })).status,
    ).toBe(400);
    expect(
      (
        await call('POST', `${DOCS(11287)}/`, {
          token,
          body: 'not multipart',
          headers: { 'content-type': 'text/plain' },
        })
      ).status,
    ).toBe(400);
    expect(
      (await call('POST', `${DOCS(11301)}/`, { token, body: base({ TypeScan: 'Client' }) })).status,
    ).toBe(403);
    expect((await call('POST', `${DOCS(11287)}/`, { body: base({ TypeScan: 'Client' }) })).status).toBe(403);
  });

  it('gives a temporary public URL that serves the bytes, then 403 once expired; 404 for unknown ids', async () => {
    const generated = folder.documents[1]!;
    const res = await call('GET', `${DOCS(11287)}/${generated.id}/public-url`, { token });
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('application/json');
    const url = res.json as string;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    const download = await request(url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(Buffer.from(await download.body.arrayBuffer()).equals(generated.bytes)).toBe(true);
    clock += 121_000;
    try {
      const expired = await request(url);
      await expired.body.dump();
      expect(expired.statusCode).toBe(403);
    } finally {
      clock -= 121_000;
    }
    const unknownLink = await request(`${sim.url}/public-files/nope/x.pdf`);
    await unknownLink.body.dump();
    expect(unknownLink.statusCode).toBe(404);
    expect((await call('GET', `${DOCS(11287)}/1/public-url`, { token })).status).toBe(404);
    expect((await call('GET', `${DOCS(11301)}/${foreignDoc.id}/public-url`, { token })).status).toBe(403);
  });
});

describe('expense bills', () => {
  it('accepts a multipart expense bill and answers { DocumentId } of a readable document', async () => {
    const data = new FormData();
    data.append(
      'File',
      new Blob([Buffer.from(`ticket ${Date.now()}`)], { type: 'image/jpeg' }),
      'ticket.jpg',
    );
    data.append('BeneficiaryFullName', 'Jeanne Martin');
    data.append('FileNameWithExtension', 'ticket-taxi.jpg');
    data.append('DocumentReference', 'NDF-2026-03');
    const res = await call('POST', '/api/v1/accounting-folders/11287/expense-bills', { token, body: data });
    expect(res.status).toBe(200);
    expect(Object.keys(res.json)).toEqual(['DocumentId']);
    const doc = await call('GET', `${DOCS(11287)}/${res.json.DocumentId}`, { token });
    expect(doc.json).toMatchObject({
      Name: 'ticket-taxi.jpg',
      DocRef: 'NDF-2026-03',
      UserDefinedThirdPartyName: 'Jeanne Martin',
      Status: 'Received',
    });
  });

  it.each(['File', 'BeneficiaryFullName', 'FileNameWithExtension', 'DocumentReference'])(
    'answers 400 without %s, which the docs underline as required',
    async (missing) => {
      const data = new FormData();
      const ticket = new Blob([Buffer.from(`ticket ${Date.now()}`)], { type: 'image/jpeg' });
      if (missing !== 'File') data.append('File', ticket, 'ticket.jpg');
      for (const [name, value] of [
        ['BeneficiaryFullName', 'Jeanne Martin'],
        ['FileNameWithExtension', 'ticket-taxi.jpg'],
        ['DocumentReference', 'NDF-2026-03'],
      ] as const)
        if (name !== missing) data.append(name, value);
      const res = await call('POST', '/api/v1/accounting-folders/11287/expense-bills', { token, body: data });
      expect(res.status).toBe(400);
    },
  );

  it('answers 400 without File, 403 for a foreign folder and without a token', async () => {
    const data = () => {
      const d = new FormData();
      d.append('BeneficiaryFullName', 'Jeanne Martin');
      return d;
    };
    expect(
      (await call('POST', '/api/v1/accounting-folders/11287/expense-bills', { token, body: data() })).status,
    ).toBe(400);
    expect(
      (await call('POST', '/api/v1/accounting-folders/11301/expense-bills', { token, body: data() })).status,
    ).toBe(403);
    expect(
      (await call('POST', '/api/v1/accounting-folders/11287/expense-bills', { body: data() })).status,
    ).toBe(403);
  });
});

describe('companion routes', () => {
  const folder = dataset.company('inqom', '11287')!;
  const exercise = folder.exercises[2]!;

  it("lists the firm's accounting folders; another firm's id is 403", async () => {
    const res = await call('GET', '/provisioning/companies/5001/accounting-folders', { token });
    expect(res.status).toBe(200);
    expect(res.json.map((f: { Id: number }) => f.Id)).toEqual([11287, 11288]);
    expect(res.json[0]).toMatchObject({ Name: 'ATELIER LUMIERE', Siren: folder.siren, CompanyId: 5001 });
    expect((await call('GET', '/provisioning/companies/5002/accounting-folders', { token })).status).toBe(
      403,
    );
    const other = await call('GET', '/provisioning/companies/5002/accounting-folders', { token: otherToken });
    expect(other.json.map((f: { Id: number }) => f.Id)).toEqual([11301]);
  });

  it('serves accounting periods, journals and accounts', async () => {
    const periods = await call('GET', '/v1/dossiers/11287/accounting-periods', { token });
    expect(periods.json).toHaveLength(3);
    expect(periods.json[2]).toMatchObject({
      Id: Number(exercise.id),
      StartDate: '2026-01-01T00:00:00',
      EndDate: '2026-12-31T00:00:00',
      IsClosed: false,
    });
    const journals = await call('GET', '/v1/dossiers/11287/journals', { token });
    expect(journals.json.map((j: { Code: string }) => j.Code)).toEqual(['AC', 'VT', 'BQ', 'OD']);
    const accounts = await call('GET', '/v1/dossiers/11287/accounts', { token });
    expect(accounts.json).toContainEqual({ Id: 401000, Number: '401000', Label: 'FOURNISSEURS' });
    for (const path of [
      'accounting-periods',
      'journals',
      'accounts',
      'entry-lines/count?startDate=2026-01-01&endDate=2026-12-31',
      'balances',
    ]) {
      expect((await call('GET', `/v1/dossiers/11301/${path}`, { token })).status).toBe(403);
    }
  });

  it('pages entry lines (1,000 a page, 1-based) consistently with their count, balanced to the cent', async () => {
    const big = createDataset({ seed: 42, scale: 12 });
    // Pages through every entry-line page at once; the 15 rps limit has its own test.
    const bigSim = await createInqomSimulator({ dataset: big, enforceRateLimits: false });
    try {
      const t = (await (
        await request(`${bigSim.url}/identity/connect/token`, {
          method: 'POST',
          body: tokenForm(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
      ).body.json()) as { access_token: string };
      const get = async (path: string) =>
        (
          await request(`${bigSim.url}${path}`, { headers: { authorization: `Bearer ${t.access_token}` } })
        ).body.json() as Promise<never>;
      const window = 'startDate=2026-01-01&endDate=2026-12-31';
      const count = (await get(`/v1/dossiers/11287/entry-lines/count?${window}`)) as {
        TotalLinesCount: number;
        TotalPagesCount: number;
      };
      expect(count.TotalPagesCount).toBe(Math.ceil(count.TotalLinesCount / 1000));
      expect(count.TotalPagesCount).toBeGreaterThan(1);
      const lines: { Id: number; EntryId: number; Debit: number; Credit: number; Date: string }[] = [];
      for (let page = 1; page <= count.TotalPagesCount + 1; page++) {
        const items = (await get(
          `/v1/dossiers/11287/entry-lines?${window}&pageNumber=${page}`,
        )) as typeof lines;
        expect(items.length).toBeLessThanOrEqual(1000);
        lines.push(...items);
      }
      expect(lines).toHaveLength(count.TotalLinesCount);
      expect(new Set(lines.map((l) => l.Id)).size).toBe(lines.length);
      const cents = (n: number) => Math.round(n * 100);
      const debit = lines.reduce((s, l) => s + cents(l.Debit), 0);
      const credit = lines.reduce((s, l) => s + cents(l.Credit), 0);
      expect(debit).toBe(credit);
      expect(lines.every((l) => l.Date >= '2026-01-01' && l.Date <= '2026-12-31T')).toBe(true);
    } finally {
      await bigSim.close();
    }
  });

  it('keeps entry lines inside the window and carries entry, document and letter ids', async () => {
    const res = await call(
      'GET',
      '/v1/dossiers/11287/entry-lines?startDate=2026-03-01&endDate=2026-03-31&pageNumber=1',
      { token },
    );
    expect(res.status).toBe(200);
    expect(res.json.length).toBeGreaterThan(0);
    for (const line of res.json) expect(line.Date.slice(0, 7)).toBe('2026-03');
    expect(res.json[0]).toEqual(
      expect.objectContaining({
        EntryId: expect.any(Number),
        AccountNumber: expect.any(String),
        Debit: expect.any(Number),
      }),
    );
    expect(res.json.some((l: { DocumentId: number | null }) => l.DocumentId !== null)).toBe(true);
    expect(res.json.some((l: { LetterId: number | null }) => l.LetterId === null)).toBe(true);
    const empty = await call(
      'GET',
      '/v1/dossiers/11287/entry-lines?startDate=2026-03-01&endDate=2026-03-31&pageNumber=99',
      { token },
    );
    expect(empty.json).toEqual([]);
  });

  it('answers 400 when a date is missing or the page is not 1-based', async () => {
    for (const query of [
      'startDate=2026-01-01',
      'endDate=2026-12-31',
      '',
      'startDate=2026-12-31&endDate=2026-01-01',
      'startDate=2026-01-01&endDate=2026-12-31&pageNumber=0',
    ]) {
      const res = await call('GET', `/v1/dossiers/11287/entry-lines?${query}`, { token });
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ status: 400, title: 'Bad Request' });
    }
    expect(
      (await call('GET', '/v1/dossiers/11287/entry-lines/count?startDate=2026-01-01', { token })).status,
    ).toBe(400);
  });

  it('serves a trial balance whose debits equal its credits', async () => {
    const res = await call('GET', '/v1/dossiers/11287/balances?startDate=2025-01-01&endDate=2025-12-31', {
      token,
    });
    expect(res.status).toBe(200);
    const rows = res.json as { AccountNumber: string; Debit: number; Credit: number; Balance: number }[];
    const cents = (n: number) => Math.round(n * 100);
    expect(rows.reduce((s, r) => s + cents(r.Debit), 0)).toBe(rows.reduce((s, r) => s + cents(r.Credit), 0));
    expect(rows.reduce((s, r) => s + cents(r.Balance), 0)).toBe(0);
    const latest = await call('GET', '/v1/dossiers/11287/balances', { token });
    expect(latest.status).toBe(200);
    expect((await call('GET', '/v1/dossiers/11287/balances?startDate=2025-01-01', { token })).status).toBe(
      400,
    );
  });
});
