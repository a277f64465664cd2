import { describe, expect, it } from 'vitest';
import { maskPii, maskToLast4, piiExposureByRole, piiKinds, piiRoles } from '../../src/domain/pii.js';

describe('PII masking', () => {
  it.each([
    ['4000123456789', '••••6789'],
    ['+1 212 555 0123', '••••0123'],
    ['123-45-6789', '••••6789'],
    ['1234', '••••'],
    ['', '••••'],
  ])('masks %j to %j', (value, masked) => {
    expect(maskToLast4(value)).toBe(masked);
  });

  it('passes null through', () => {
    expect(maskToLast4(null)).toBeNull();
  });

  for (const role of piiRoles) {
    it(`shows ${role} exactly what the exposure table says`, () => {
      for (const kind of piiKinds) {
        const shown = maskPii(role, kind, '+12125550123');
        expect(shown).toBe(piiExposureByRole[role][kind] === 'full' ? '+12125550123' : '••••0123');
      }
    });
  }

  it('shows national ids in full to compliance only', () => {
    expect(piiRoles.filter((role) => piiExposureByRole[role].nationalId === 'full')).toEqual(['compliance']);
  });
});
