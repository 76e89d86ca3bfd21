import { pleoEntryIdsToExport } from '../../../../src/providers/pleo/export-job-input';

const A = 'E6C1F1A2-1B2C-4D3E-8F90-0A1B2C3D4E5F';
const B = 'b0000000-0000-4000-8000-000000000002';

describe('pleoEntryIdsToExport', () => {
  it('dedupes and lower-cases the entry ids', () => {
    expect(pleoEntryIdsToExport({ companyId: 'c', entryIds: [A, B, A.toLowerCase()] })).toEqual([
      A.toLowerCase(),
      B,
    ]);
  });

  it('accepts false flags, which mean the default', () => {
    expect(
      pleoEntryIdsToExport({
        companyId: 'c',
        entryIds: [B],
        includeAlreadyExported: false,
        markAsExported: false,
      }),
    ).toEqual([B]);
  });

  it.each([
    [{ entryIds: [B], format: 'FEC' as const }, 'format'],
    [{ entryIds: [B], format: 'ACD' as const }, 'format'],
    [{}, 'entryIds'],
    [{ entryIds: [] }, 'entryIds'],
    [{ entryIds: [B, 'not-a-uuid'] }, 'entryIds.1'],
    [{ entryIds: [B], to: '2026-01-01' }, 'to'],
    [{ entryIds: [B], notifyEmail: 'a@b.test' }, 'notifyEmail'],
    [{ entryIds: [B], includeAlreadyExported: true }, 'includeAlreadyExported'],
  ])('refuses %j naming %s', (input, field) => {
    expect(() => pleoEntryIdsToExport({ companyId: 'c', ...input })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
    );
  });
});
