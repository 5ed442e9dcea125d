import 'reflect-metadata';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Allow } from './access.decorators';
import { AccessGuard } from './access.guard';
import type { Agency } from './agency';
import type { AgencyRegistry } from './agency-registry';

class PersonReads {
  read() {
    return 'read';
  }
}

@Allow('court')
class CourtReads extends PersonReads {}

@Allow('verifier')
class VerifierReads extends PersonReads {}

const court: Agency = { clientId: 'c1', name: 'court of first instance', role: 'court' } as Agency;
const agencies = { authenticate: async () => court } as unknown as AgencyRegistry;

const callTo = (controller: Function): ExecutionContext =>
  ({
    getHandler: () => PersonReads.prototype.read,
    getClass: () => controller,
    switchToHttp: () => ({ getRequest: () => ({ headers: { authorization: 'Bearer sijil_court' } }) }),
  }) as unknown as ExecutionContext;

describe('access guard', () => {
  it("judges a handler two controllers share by each controller's roles, whichever was called first", async () => {
    const guard = new AccessGuard(new Reflector(), agencies);
    await expect(guard.canActivate(callTo(CourtReads))).resolves.toBe(true);
    await expect(guard.canActivate(callTo(VerifierReads))).rejects.toMatchObject({ problem: { status: 403 } });
    await expect(guard.canActivate(callTo(CourtReads))).resolves.toBe(true);
  });
});
