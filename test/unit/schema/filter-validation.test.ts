import { validateDocumentFilter } from '../../../src/schema/document/document.validation';
import { validateEntryFilter } from '../../../src/schema/entry/entry.validation';
import { validateMovementFilter } from '../../../src/schema/movement/movement.validation';
import { parsePageArgs } from '../../../src/schema/common/pagination.validation';

const fieldOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return (error as { extensions?: { code?: string; field?: string } }).extensions?.code === 'BAD_USER_INPUT'
      ? (error as { extensions: { field: string } }).extensions.field
      : 'not BAD_USER_INPUT';
  }
  return undefined;
};

describe('MovementFilter', () => {
  it('accepts an exercise or a window of at most 12 months', () => {
    expect(validateMovementFilter({ exerciseId: 'x', lettering: null })).toEqual({ exerciseId: 'x' });
    expect(validateMovementFilter({ from: '2023-01-01', to: '2023-12-31', accountClasses: ['4'] })).toEqual({
      from: '2023-01-01',
      to: '2023-12-31',
      accountClasses: ['4'],
    });
    expect(validateMovementFilter({ from: '2024-02-29', to: '2025-02-27' })).toBeTruthy();
  });

  it.each([
    [{ exerciseId: 'x', from: '2023-01-01', to: '2023-02-01' }, 'filter.exerciseId'],
    [{}, 'filter.exerciseId'],
    [{ from: '2023-01-01' }, 'filter.to'],
    [{ to: '2023-01-01' }, 'filter.from'],
    [{ from: '2023-05-01', to: '2023-04-30' }, 'filter.to'],
    [{ from: '2023-01-01', to: '2024-01-01' }, 'filter.to'],
    [{ from: '2023-02-30', to: '2023-03-01' }, 'filter.from'],
    [{ exerciseId: 'x', accountClasses: ['4a'] }, 'filter.accountClasses.0'],
  ])('refuses %j naming %s', (filter, field) => {
    expect(fieldOf(() => validateMovementFilter(filter))).toBe(field);
  });
});

describe('EntryFilter and DocumentFilter', () => {
  it('check date order and enums', () => {
    expect(validateEntryFilter(null)).toEqual({});
    expect(fieldOf(() => validateEntryFilter({ from: '2024-02-01', to: '2024-01-01' }))).toBe('filter.to');
    expect(fieldOf(() => validateEntryFilter({ type: 'NOPE' }))).toBe('filter.type');
    expect(
      fieldOf(() => validateDocumentFilter({ createdFrom: '2024-02-01', createdTo: '2024-01-01' })),
    ).toBe('filter.createdTo');
    expect(validateDocumentFilter({ status: 'TO_REVIEW', type: null })).toEqual({ status: 'TO_REVIEW' });
  });
});

describe('first/after', () => {
  it('defaults to 50 and allows at most 500', () => {
    expect(parsePageArgs(undefined, undefined)).toEqual({ first: 50, after: null });
    expect(parsePageArgs(500, 'c')).toEqual({ first: 500, after: 'c' });
    expect(fieldOf(() => parsePageArgs(501, null))).toBe('first');
    expect(fieldOf(() => parsePageArgs(-1, null))).toBe('first');
  });
});

describe('date windows of entries and documents: at most 12 months, like movements', () => {
  it('accepts 12 months less a day, and one end alone', () => {
    expect(fieldOf(() => validateEntryFilter({ from: '2025-01-01', to: '2025-12-31' }))).toBeUndefined();
    expect(fieldOf(() => validateEntryFilter({ from: '2020-01-01' }))).toBeUndefined();
    expect(
      fieldOf(() => validateDocumentFilter({ createdFrom: '2025-03-01', createdTo: '2026-02-28' })),
    ).toBeUndefined();
  });

  it('refuses 12 months and more on the window’s end', () => {
    expect(fieldOf(() => validateEntryFilter({ from: '2025-01-01', to: '2026-01-01' }))).toBe('filter.to');
    expect(fieldOf(() => validateEntryFilter({ from: '2024-01-01', to: '2026-03-31' }))).toBe('filter.to');
    expect(
      fieldOf(() => validateDocumentFilter({ createdFrom: '2025-03-01', createdTo: '2026-03-01' })),
    ).toBe('filter.createdTo');
  });
});
