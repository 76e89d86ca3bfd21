/** Inqom JSON → unified records: statuses, types, duplicates, amounts in exact cents, dated ids. */
import {
  mapDocument,
  mapEntry,
  mapMovement,
  INQOM_STATUS,
  TYPE_SCAN,
} from '../../../../src/providers/inqom/map';
import { documentSchema, entryLineSchema, publicUrlSchema } from '../../../../src/providers/inqom/schemas';
import { FetchAllowlist } from '../../../../src/providers/fetch-allowlist';
import { parseDatedId, parseResumeToken } from '../../../../src/providers/inqom/ids';
import { BadUserInputError, UpstreamBadDataError } from '../../../../src/errors';

// Inqom's API and, as the seed's ThumbUrl shows, its blob storage.
const thumbnails = new FetchAllowlist([
  'https://api.inqom.test',
  'https://fredprodstorage.blob.core.windows.net',
]);

// The seed's own example, with its `OrigineId` spelling.
const seedExample = {
  Id: 9518529,
  AccountingFolderId: 11287,
  Name: 'Facture_FR55104451.pdf',
  Type: 'Supplier',
  Size: 40,
  OrigineId: 8713438,
  CreatedAt: '2023-03-24T17:05:21.38Z',
  Source: 'Api',
  ClientSource: 'Web',
  Checksum: 'C9FED3D6F2B5FA510A25423BD86F6AE95A1F6DD6',
  Status: 'Duplicate',
  StatusUpdatedAt: '2023-03-24T17:05:24.34Z',
  StatusResponsibleUserId: 250,
  OwnerId: 7498,
  OriginalName: 'Facture_FR55104451.pdf',
  ContentSource: 'DocData',
};

describe('Inqom mapping', () => {
  it("maps the seed's example document, duplicate included", () => {
    expect(mapDocument('11287', documentSchema.parse(seedExample), thumbnails)).toEqual({
      provider: 'INQOM',
      companyId: '11287',
      providerId: '9518529',
      name: 'Facture_FR55104451.pdf',
      type: 'PURCHASE_INVOICE',
      status: 'DUPLICATE',
      sizeKb: 40,
      createdAt: '2023-03-24T17:05:21.380Z',
      checksum: 'C9FED3D6F2B5FA510A25423BD86F6AE95A1F6DD6',
      amount: null,
      counterParty: null,
      effectiveDate: null,
      thumbnail: null,
      duplicateOfId: '8713438',
      reference: null,
      sourceId: null,
      originalName: 'Facture_FR55104451.pdf',
      statusReason: null,
    });
  });

  it('keeps no thumbnail URL: only whether the gateway may fetch it, and where it was refused', () => {
    const withThumb = (ThumbUrl: string) =>
      mapDocument('1', documentSchema.parse({ ...seedExample, ThumbUrl }), thumbnails).thumbnail;
    expect(
      withThumb('https://fredprodstorage.blob.core.windows.net/enterprisespublic/96cec/f-thumb-b52.png'),
    ).toEqual({ fetchable: true });
    expect(withThumb('https://api.inqom.test/thumbs/1.png')).toEqual({ fetchable: true });
    expect(withThumb('https://evil.test/a/thumb.png?sig=secret-token')).toEqual({
      fetchable: false,
      refusedAt: 'https://evil.test/a/thumb.png',
    });
    // Same host, other scheme or port: another origin.
    expect(withThumb('http://fredprodstorage.blob.core.windows.net/x.png')).toMatchObject({
      fetchable: false,
    });
    expect(withThumb('https://api.inqom.test:8443/x.png')).toMatchObject({ fetchable: false });
    expect(
      mapDocument('1', documentSchema.parse({ ...seedExample, ThumbUrl: null }), thumbnails).thumbnail,
    ).toBe(null);
  });

  it('maps every status and type both ways, and reads zone-less instants as UTC', () => {
    const statuses = {
      Received: 'RECEIVED',
      ToReview: 'TO_REVIEW',
      Processing: 'PROCESSING',
      Duplicate: 'DUPLICATE',
      Done: 'DONE',
      ManualProcessing: 'MANUAL_PROCESSING',
      Deleted: 'DELETED',
    } as const;
    for (const [inqom, status] of Object.entries(statuses)) {
      const doc = documentSchema.parse({
        ...seedExample,
        Status: inqom,
        CreatedAt: '2024-01-02T03:04:05',
        Amount: 83.77,
      });
      expect(mapDocument('1', doc, thumbnails)).toMatchObject({
        status,
        createdAt: '2024-01-02T03:04:05.000Z',
        amount: 8377,
      });
      expect(INQOM_STATUS[status]).toBe(inqom);
    }
    expect(TYPE_SCAN).toEqual({ SALES_INVOICE: 'Client', PURCHASE_INVOICE: 'Supplier', OTHER: 'Others' });
    expect(documentSchema.safeParse({ ...seedExample, Status: 'Lost' }).success).toBe(false);
  });

  const line = (over: Record<string, unknown>) =>
    entryLineSchema.parse({
      Id: 1,
      EntryId: 10,
      DocumentId: null,
      Date: '2026-03-02T00:00:00',
      JournalCode: 'AC',
      JournalLabel: "JOURNAL D'ACHATS",
      AccountNumber: '401000',
      AccountLabel: 'FOURNISSEURS',
      Label: 'OVH',
      PieceRef: 'FA1',
      Debit: 0,
      Credit: 0,
      LetterId: null,
      ...over,
    });

  it('maps entry lines to movements with exact cents, amount = credit − debit, and lettering', () => {
    const m = mapMovement('11287', line({ Credit: 1234.56, LetterId: 77 }));
    expect(m).toMatchObject({
      providerId: '1@2026-03-02',
      entryId: '10@2026-03-02',
      credit: 123456,
      debit: 0,
      amount: 123456,
      lettering: { state: 'COMPLETE', value: '77' },
    });
    expect(mapMovement('1', line({ Debit: 19.99 })).amount).toBe(-1999);
    expect(mapMovement('1', line({})).lettering).toEqual({ state: 'NONE', value: null });
  });

  it('calls an amount with more than two decimals bad data of its row, without echoing the value', () => {
    const badData = { code: 'UPSTREAM_BAD_DATA', provider: 'INQOM', row: 'movement 1' };
    const thrown = (map: () => unknown) => {
      try {
        map();
      } catch (error) {
        return error as UpstreamBadDataError;
      }
      throw new Error('mapped a bad amount');
    };
    const movement = thrown(() => mapMovement('1', line({ Debit: 4032.111 })));
    expect(movement).toBeInstanceOf(UpstreamBadDataError);
    expect(movement.extensions).toMatchObject(badData);
    expect(movement.message).not.toContain('4032');
    expect(thrown(() => mapEntry('1', [line({ Credit: 1.005 })])).extensions).toMatchObject(badData);
    const document = thrown(() =>
      mapDocument('1', documentSchema.parse({ ...seedExample, Amount: 0.001 }), thumbnails),
    );
    expect(document.extensions).toMatchObject({ code: 'UPSTREAM_BAD_DATA', row: 'document 9518529' });
  });

  it("reads public-url's answer as a bare URL or an object of one URL field (the seed names no field)", () => {
    const url = 'https://files.inqom.test/d/9518529?sig=abc';
    expect(publicUrlSchema.parse(url)).toBe(url);
    expect(publicUrlSchema.parse({ Url: url })).toBe(url);
    expect(publicUrlSchema.safeParse({ Url: url, Other: 1 }).success).toBe(false);
    expect(publicUrlSchema.safeParse({ Url: 'javascript:alert(1)' }).success).toBe(false);
    expect(publicUrlSchema.safeParse('ftp://files.inqom.test/d').success).toBe(false);
  });

  it('groups lines into one entry with its distinct documents', () => {
    const entry = mapEntry('1', [
      line({ Id: 1, Debit: 100, DocumentId: 5 }),
      line({ Id: 2, Debit: 20, DocumentId: 5 }),
      line({ Id: 3, Credit: 120 }),
    ]);
    expect(entry).toMatchObject({
      providerId: '10@2026-03-02',
      type: 'ENTRY',
      date: '2026-03-02',
      documentIds: ['5'],
      journal: { code: 'AC' },
    });
    expect(entry.lines.map((l) => [l.debit, l.credit])).toEqual([
      [10000, 0],
      [2000, 0],
      [0, 12000],
    ]);
  });

  it('parses dated ids and resume tokens strictly', () => {
    expect(parseDatedId('42@2026-01-31')).toEqual({ nativeId: 42, date: '2026-01-31' });
    expect(parseDatedId('42')).toBeNull();
    expect(parseResumeToken(null)).toBe(0);
    expect(parseResumeToken('1200')).toBe(1200);
    expect(() => parseResumeToken('-1')).toThrow(BadUserInputError);
  });
});
