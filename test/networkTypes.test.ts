import { describe, expectTypeOf, it } from 'vitest';
import type * as Kernel from '../src/kernel/aio/network';
import type * as Wire from '../src/protocol/network';

describe('protocol/network', () => {
  it('has the shapes of the kernel network device, both ways', () => {
    expectTypeOf<Wire.NetworkRequest>().toEqualTypeOf<Kernel.NetworkRequest>();
    expectTypeOf<Wire.NetworkResponse>().toEqualTypeOf<Kernel.NetworkResponse>();
  });
});
