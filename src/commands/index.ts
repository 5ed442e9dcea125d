import type { Type } from '@nestjs/common';
import { EnrolPersonController } from './enrol-person/enrol-person.controller';
import { EnrolPersonHandler } from './enrol-person/enrol-person.handler';
import { RegisterBirthController } from './register-birth/register-birth.controller';
import { RegisterBirthHandler } from './register-birth/register-birth.handler';
import { RegisterDeathController } from './register-death/register-death.controller';
import { RegisterDeathHandler } from './register-death/register-death.handler';

/** Every command use case: its controller and its @nestjs/cqrs handler. */
export const commandControllers: Type[] = [EnrolPersonController, RegisterBirthController, RegisterDeathController];
export const commandHandlers: Type[] = [EnrolPersonHandler, RegisterBirthHandler, RegisterDeathHandler];
