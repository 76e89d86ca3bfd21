import { centsToDecimal, decimalToCents, sumDecimals } from '@grand-livre/sdk';

describe('SDK money helpers', () => {
  it('reads Decimals as integer cents and prints them back', () => {
    expect(decimalToCents('-264.44')).toBe(-26444);
    expect(decimalToCents('0.5')).toBe(50);
    expect(decimalToCents('12')).toBe(1200);
    expect(decimalToCents('-0.00')).toBe(0);
    expect(centsToDecimal(-26444)).toBe('-264.44');
    expect(centsToDecimal(5)).toBe('0.05');
    expect(centsToDecimal(-5)).toBe('-0.05');
  });

  it('refuses what is not a Decimal rather than rounding it', () => {
    for (const bad of ['1.005', '1e2', '', ' 1.00', '1,00', '+1.00', '1.', 'NaN'])
      expect(() => decimalToCents(bad)).toThrow(RangeError);
    expect(() => centsToDecimal(1.5)).toThrow(RangeError);
    expect(() => decimalToCents('90071992547409.93')).toThrow(/range/);
  });

  it('sums without floats', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumDecimals(['0.10', '0.20'])).toBe('0.30');
    expect(sumDecimals(Array.from({ length: 1000 }, () => '0.01'))).toBe('10.00');
    expect(sumDecimals(['-264.44', '264.44'])).toBe('0.00');
    expect(sumDecimals([])).toBe('0.00');
  });
});
