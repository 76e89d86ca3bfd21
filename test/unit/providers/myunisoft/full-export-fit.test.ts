import { fitsFullExport } from '../../../../src/providers/myunisoft/full-export';

describe('MyUnisoft full export fit', () => {
  it('serves a whole exercise without filters, never a draft filter (the export holds drafts too)', () => {
    expect(fitsFullExport({ exerciseId: '7' })).toBe(true);
    expect(fitsFullExport({ exerciseId: '7', draft: false })).toBe(false);
    expect(fitsFullExport({ exerciseId: '7', draft: true })).toBe(false);
    expect(fitsFullExport({ from: '2025-01-01', to: '2025-12-31' })).toBe(false);
  });
});
