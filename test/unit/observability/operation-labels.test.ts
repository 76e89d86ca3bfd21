import { OperationLabels } from '../../../src/observability/operation-labels';

describe('OperationLabels', () => {
  it('keeps names up to the cap, then counts new ones as other; no name is anonymous', () => {
    const labels = new OperationLabels(2);
    expect(labels.label('ListCompanies')).toBe('ListCompanies');
    expect(labels.label(null)).toBe('anonymous');
    expect(labels.label('CompanyEntries')).toBe('CompanyEntries');
    expect(labels.label('Generated123')).toBe('other');
    expect(labels.label('ListCompanies')).toBe('ListCompanies');
  });

  it('counts an overlong name as other', () => {
    expect(new OperationLabels().label('Q'.repeat(101))).toBe('other');
  });
});
