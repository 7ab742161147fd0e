import * as prismaEnums from '../generated/prisma/enums';
import * as contractEnums from './enums.contract';

describe('the shared enums', () => {
  it('say exactly what schema.prisma says, value for value and in the same order', () => {
    for (const [name, values] of Object.entries(contractEnums)) {
      expect({ name, values }).toEqual({ name, values: (prismaEnums as Record<string, unknown>)[name] });
    }
  });
});
