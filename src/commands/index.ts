import type { Type } from '@nestjs/common';
import { AnnulRegistrationController } from './annul-registration/annul-registration.controller';
import { AnnulRegistrationHandler } from './annul-registration/annul-registration.handler';
import { CorrectRecordController } from './correct-record/correct-record.controller';
import { CorrectRecordHandler } from './correct-record/correct-record.handler';
import { EnrolPersonController } from './enrol-person/enrol-person.controller';
import { EnrolPersonHandler } from './enrol-person/enrol-person.handler';
import { RegisterBirthController } from './register-birth/register-birth.controller';
import { RegisterBirthHandler } from './register-birth/register-birth.handler';
import { RegisterDivorceController } from './register-divorce/register-divorce.controller';
import { RegisterDivorceHandler } from './register-divorce/register-divorce.handler';
import { RegisterMarriageController } from './register-marriage/register-marriage.controller';
import { RegisterMarriageHandler } from './register-marriage/register-marriage.handler';
import { RegisterDeathController } from './register-death/register-death.controller';
import { RegisterDeathHandler } from './register-death/register-death.handler';
import { ChangeStatusController } from './change-status/change-status.controller';
import { EndEmploymentController } from './end-employment/end-employment.controller';
import { IssueIdentityCardController } from './issue-identity-card/issue-identity-card.controller';
import { IssueIdentityCardHandler } from './issue-identity-card/issue-identity-card.handler';
import { RecordEducationController } from './record-education/record-education.controller';
import { ReportIdentityCardController } from './report-identity-card/report-identity-card.controller';
import { RecordPersonFactHandler } from './shared/record-person-fact';
import { StartEmploymentController } from './start-employment/start-employment.controller';
import { StartEmploymentHandler } from './start-employment/start-employment.handler';

/** Every command use case: its controller and its @nestjs/cqrs handler. */
export const commandControllers: Type[] = [
  EnrolPersonController,
  RegisterBirthController,
  RegisterDeathController,
  RecordEducationController,
  StartEmploymentController,
  EndEmploymentController,
  ChangeStatusController,
  IssueIdentityCardController,
  ReportIdentityCardController,
  RegisterMarriageController,
  RegisterDivorceController,
  CorrectRecordController,
  AnnulRegistrationController,
];
export const commandHandlers: Type[] = [
  EnrolPersonHandler,
  RegisterBirthHandler,
  RegisterDeathHandler,
  RecordPersonFactHandler,
  StartEmploymentHandler,
  IssueIdentityCardHandler,
  RegisterMarriageHandler,
  RegisterDivorceHandler,
  CorrectRecordHandler,
  AnnulRegistrationHandler,
];
