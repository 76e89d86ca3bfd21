import { createDataset } from '../../../src/simulators/data/dataset';
import { createJepiloteSimulator } from '../../../src/simulators/jepilote/server';
import type { SimulatorServer } from '../../../src/simulators/http-kit';
import { demoCredentials } from '../../../src/simulators/credentials';
import { createJepiloteConnector } from '../../../src/providers/jepilote/connector';
import { MemoryStore } from '../../../src/store/memory-store';
import type { ProviderConnector } from '../../../src/providers/types';
import { validateFec } from '../../../src/fec/validate';

const dataset = createDataset();
let sim: SimulatorServer;
let store: MemoryStore;
let connector: ProviderConnector;

const open = () => connector.openSession({ requestId: 'test' });
const count = (path: string) => sim.requests.filter((r) => r.path === path).length;
const read = async (body: NodeJS.ReadableStream) => {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
};

beforeAll(async () => {
  sim = await createJepiloteSimulator({ dataset });
});
beforeEach(() => {
  store = new MemoryStore();
  connector = createJepiloteConnector(
    { baseUrl: sim.url, ...demoCredentials.jepilote.demo },
    { tenantId: 'demo', store },
  );
  sim.resetRequests();
});
afterEach(() => connector.close());
afterAll(() => sim.close());

describe('Jepilote connector', () => {
  it('lists the account\u2019s companies with their SIREN, one upstream call per request', async () => {
    const session = open();
    const [all, one, again] = await Promise.all([
      session.listCompanies(),
      session.getCompany('171'),
      session.getCompany('143'),
    ]);
    expect(all.map((c) => c.providerId)).toEqual(['143', '171']);
    expect(one).toEqual({
      provider: 'JEPILOTE',
      providerId: '171',
      name: 'MENUISERIE LEROUX SARL',
      siren: dataset.company('jepilote', '171')!.siren,
    });
    expect(again?.providerId).toBe('143');
    expect(await session.getCompany('188')).toBeNull();
    expect(count('/companies')).toBe(1);
    expect(count('/login_check')).toBe(1);
  });

  it('logs in once for many requests and again once after the token is refused', async () => {
    await open().listCompanies();
    await open().listCompanies();
    expect(count('/login_check')).toBe(1);
    const key = [...(store as unknown as { values: Map<string, unknown> }).values.keys()].find(
      (k) =>
        // The token itself, not its refresh lock's fence counter.
        k.includes(':jepilote:token:') && !k.includes(':lock'),
    )!;
    expect(key).not.toContain(demoCredentials.jepilote.demo.password);
    // A fresh process with a stale token in the shared store: one 401, one new login, success.
    await store.set(key, JSON.stringify({ accessToken: 'revoked', refreshAt: Date.now() + 60_000 }));
    const fresh = createJepiloteConnector(
      { baseUrl: sim.url, ...demoCredentials.jepilote.demo },
      { tenantId: 'demo', store },
    );
    expect(await fresh.openSession({ requestId: 't' }).listCompanies()).toHaveLength(2);
    expect(count('/login_check')).toBe(2);
    await fresh.close();
  });

  it('exports a FEC, records the job, and streams the file bytes', async () => {
    const session = open();
    const job = await session.createExportJob!({
      companyId: '171',
      format: 'FEC',
      includeAlreadyExported: true,
    });
    expect(job).toMatchObject({
      provider: 'JEPILOTE',
      companyId: '171',
      format: 'FEC',
      status: 'COMPLETED',
      errors: [],
    });
    expect(job.file?.name).toMatch(/FEC\d{8}\.txt$/);
    const file = await session.downloadExportFile!('171', job.file!.downloadRef!);
    expect(file.contentType).toMatch(/^text\/plain/);
    expect(file.fileName).toBe(job.file!.name);
    const report = validateFec((await read(file.body)).toString('utf8'));
    expect(report.valid).toBe(true);
    expect(await open().getExportJob!('171', job.providerId)).toEqual(job);
  });

  it('pages recorded jobs without repeating one when a job is created between pages', async () => {
    const session = open();
    const exportAcd = async () =>
      (await session.createExportJob!({ companyId: '143', format: 'ACD', includeAlreadyExported: true }))
        .providerId;
    const older = [await exportAcd(), await exportAcd(), await exportAcd()];
    const page1 = await session.listExportJobs!('143', { first: 2, after: null });
    expect(page1.items.map((i) => i.node.providerId)).toEqual([older[2], older[1]]);
    const newer = await exportAcd();
    const page2 = await session.listExportJobs!('143', { first: 2, after: page1.items[1]!.resumeToken });
    expect(page2.items.map((i) => i.node.providerId)).toEqual([older[0]]);
    expect(page2).toMatchObject({ hasNextPage: false, totalCount: 4 });
    const fresh = await session.listExportJobs!('143', { first: 1, after: null });
    expect(fresh.items.map((i) => i.node.providerId)).toEqual([newer]);
    await expect(session.listExportJobs!('143', { first: 1, after: '2' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'after' },
    });
  });

  it('lists recorded jobs newest first with position resume tokens', async () => {
    const session = open();
    const first = await session.createExportJob!({
      companyId: '143',
      format: 'ACD',
      includeAlreadyExported: true,
    });
    const second = await session.createExportJob!({
      companyId: '143',
      format: 'FEC',
      includeAlreadyExported: true,
    });
    const page1 = await session.listExportJobs!('143', { first: 1, after: null });
    expect(page1.items.map((i) => i.node.providerId)).toEqual([second.providerId]);
    expect(page1).toMatchObject({ hasNextPage: true, totalCount: 2 });
    const page2 = await session.listExportJobs!('143', { first: 1, after: page1.items[0]!.resumeToken });
    expect(page2.items.map((i) => i.node.providerId)).toEqual([first.providerId]);
    expect(page2.hasNextPage).toBe(false);
    const zip = await session.downloadExportFile!('143', first.file!.downloadRef!);
    expect(zip.contentType).toBe('application/zip');
    expect((await read(zip.body)).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a missing format or chosen entries before any call, and maps a foreign company to NOT_FOUND', async () => {
    const session = open();
    await expect(session.createExportJob!({ companyId: '143' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.format' },
    });
    await expect(
      session.createExportJob!({ companyId: '143', format: 'FEC', entryIds: ['1'] }),
    ).rejects.toMatchObject({ extensions: { field: 'input.entryIds' } });
    expect(count('/export_documents')).toBe(0);
    await expect(session.createExportJob!({ companyId: '188', format: 'FEC' })).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    await expect(session.downloadExportFile!('143', 'f'.repeat(100))).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('passes flagAsExported so a second export without alreadyExported selects nothing', async () => {
    const session = open();
    await session.createExportJob!({
      companyId: '171',
      format: 'FEC',
      markAsExported: true,
      from: '2026-01-01',
      to: '2026-12-31',
    });
    const again = await session.createExportJob!({
      companyId: '171',
      format: 'FEC',
      from: '2026-01-01',
      to: '2026-12-31',
    });
    const text = (
      await read((await session.downloadExportFile!('171', again.file!.downloadRef!)).body)
    ).toString();
    expect(validateFec(text)).toMatchObject({ valid: true, lineCount: 0 });
  });
});
