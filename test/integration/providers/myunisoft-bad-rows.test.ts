/**
 * One malformed row of a MyUnisoft answer (an amount with 3 decimals, amount ≠ credit − debit,
 * piece: null) is reported as UPSTREAM_BAD_DATA naming the row; the rest of the page is kept.
 */
import { createMyUnisoftConnector } from '../../../src/providers/myunisoft/connector';
import { MemoryStore } from '../../../src/store/memory-store';
import { MYUNISOFT_ROUTES } from '../../../src/simulators/myunisoft/server';
import { UpstreamError } from '../../../src/errors';
import type { ProviderConnector } from '../../../src/providers/types';
import { startScriptedServer, type ScriptedServer } from '../../unit/providers/resilience/scripted-server';

const movement = (id: string, value: { credit: number; debit: number; amount: number }) => ({
  producerId: id,
  description: 'MC DONALDS',
  dueDate: null,
  freeNumber: null,
  invoiceNumber: '0210123784',
  value,
  entry: {
    producerId: `9${id}`,
    date: '2025-01-21',
    dueDate: null,
    currency: { code: 'EUR' },
    journal: { producerId: '178745', customerReferenceCode: 'AC', name: "JOURNAL D'ACHATS", type: 'Achat' },
    additionalProducerProperties: {
      source: { name: 'FEC', thirdParty: null },
      partnerMetadata: null,
      comment: null,
      createdAt: 1642719600,
      accountedAt: '2025-01-21',
    },
    attachments: {},
  },
  attachments: {},
  account: { producerId: '9267210', number: '6226100000', name: 'HONORAIRES COMPTABLES' },
  payment: null,
  analytics: [],
  lettering: { state: 'none', value: null },
});

const line = (id: number, piece: string | null) => ({
  debit: 83.77,
  label: 'TEST',
  piece,
  piece2: '202007567',
  account: { label: 'TEST', account_id: 618900, account_number: '411CG875400' },
  currency: 'EUR',
  line_entry_id: id,
});
const legacyEntry = (id: number, pieces: (string | null)[]) => ({
  diary: { id: 15894, code: 'V', label: 'VENTES', diary_type_code: 'VTE' },
  blocked: false,
  comment: false,
  entry_id: id,
  date_piece: '2025-01-10',
  entry_date: '2025-01-10',
  entry_list: pieces.map((piece, i) => line(id * 10 + i, piece)),
  etablissement_id: 178,
});

describe('MyUnisoft malformed rows', () => {
  let server: ScriptedServer;
  let connector: ProviderConnector;
  beforeAll(async () => {
    server = await startScriptedServer();
    server.script = (req, res) => {
      const path = req.url!.split('?')[0]!.replace(/^\/api/, '');
      res.writeHead(200, { 'content-type': 'application/json' });
      if (path === '/api/v1/mad/movements') {
        res.end(
          JSON.stringify([
            movement('101', { credit: 0, debit: 264.44, amount: -264.44 }),
            movement('102', { credit: 0, debit: 10.125, amount: -10.125 }),
            movement('103', { credit: 5, debit: 0, amount: -5 }),
            movement('104', { credit: 264.44, debit: 0, amount: 264.44 }),
          ]),
        );
      } else if (path === '/api/v1/entries') {
        const type = /type=(\w+)/.exec(req.url!)![1]!.toUpperCase();
        const entries =
          type === 'E' ? [legacyEntry(1, ['A1']), legacyEntry(2, [null]), legacyEntry(3, [''])] : [];
        res.end(JSON.stringify({ type, debit_total: 0, credit_total: 0, entry_array: entries }));
      } else if (path.endsWith('/v1/key/info')) {
        // The activation's route list: every route, as a demo token has.
        res.end(JSON.stringify(MYUNISOFT_ROUTES));
      } else res.end('[]');
    };
    connector = createMyUnisoftConnector(
      { baseUrl: server.baseUrl, apiToken: 't', thirdPartySecret: 's', access: 'company' },
      { tenantId: 'demo', store: new MemoryStore(), http: { maxRetries: 0, breaker: false } },
    );
  });
  afterAll(async () => {
    await connector.close();
    await server.close();
  });

  it('keeps the good movements of a page and names each bad one as UPSTREAM_BAD_DATA', async () => {
    const page = await connector.openSession({ requestId: 'm' }).listMovements!(
      '1',
      { from: '2025-01-01', to: '2025-01-10' },
      { first: 10, after: null },
    );
    expect(page.items.map((i) => i.node.providerId)).toEqual(['101@9101', '104@9104']);
    const errors = page.rowErrors ?? [];
    expect(errors.every((e) => e instanceof UpstreamError)).toBe(true);
    expect(errors.map((e) => e.extensions)).toEqual([
      expect.objectContaining({ code: 'UPSTREAM_BAD_DATA', provider: 'MYUNISOFT', row: 'movement 102' }),
      expect.objectContaining({ code: 'UPSTREAM_BAD_DATA', provider: 'MYUNISOFT', row: 'movement 103' }),
    ]);
    expect(errors.map((e) => e.message).join(' ')).not.toMatch(/unreachable/);
  });

  it('keeps the good entries and names an entry whose line has piece: null', async () => {
    const page = await connector.openSession({ requestId: 'e' }).listEntries!(
      '1',
      {},
      { first: 10, after: null },
    );
    expect(page.items.map((i) => i.node.providerId)).toEqual(['1', '3']);
    expect(page.rowErrors?.map((e) => e.extensions)).toEqual([
      expect.objectContaining({ code: 'UPSTREAM_BAD_DATA', row: 'entry 2' }),
    ]);
  });

  it('keeps bad rows in the listing snapshot: a page served from it reports them, with no upstream call', async () => {
    const filter = { from: '2025-01-11', to: '2025-01-20' };
    const first = await connector.openSession({ requestId: 's1' }).listMovements!('1', filter, {
      first: 1,
      after: null,
    });
    expect(first.items.map((i) => i.node.providerId)).toEqual(['101@9101']);
    expect(first.rowErrors).toBeUndefined();
    const asked = server.received.length;
    const second = await connector.openSession({ requestId: 's2' }).listMovements!('1', filter, {
      first: 1,
      after: first.items[0]!.resumeToken,
    });
    expect(server.received.length).toBe(asked);
    expect(second.items.map((i) => i.node.providerId)).toEqual(['104@9104']);
    expect(second.rowErrors?.map((e) => e.extensions)).toEqual([
      expect.objectContaining({ code: 'UPSTREAM_BAD_DATA', row: 'movement 102' }),
      expect.objectContaining({ code: 'UPSTREAM_BAD_DATA', row: 'movement 103' }),
    ]);
    // Every entries page names the bad entry, the ones served from the snapshot too.
    const entries = await connector.openSession({ requestId: 's3' }).listEntries!(
      '1',
      {},
      {
        first: 1,
        after: null,
      },
    );
    expect(entries.totalCount).toBe(2);
    const beforeEntries = server.received.length;
    const later = await connector.openSession({ requestId: 's4' }).listEntries!(
      '1',
      {},
      {
        first: 1,
        after: entries.items[0]!.resumeToken,
      },
    );
    expect(server.received.length).toBe(beforeEntries);
    expect(later.items.map((i) => i.node.providerId)).toEqual(['3']);
    expect(later.rowErrors?.map((e) => e.extensions)).toEqual([
      expect.objectContaining({ code: 'UPSTREAM_BAD_DATA', row: 'entry 2' }),
    ]);
  });

  it('fails a bulk stream on its first bad row as UPSTREAM_BAD_DATA, never "provider unreachable"', async () => {
    const stream = connector.openSession({ requestId: 'b' }).streamMovements!('1', {
      from: '2025-01-01',
      to: '2025-01-10',
    });
    const failure = await (async () => {
      for await (const _batch of stream) void _batch;
    })().catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'UPSTREAM_BAD_DATA', extensions: { row: 'movement 102' } });
  });
});
