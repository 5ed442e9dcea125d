import type { Type } from '@nestjs/common';
import { HistoryController } from './history/history.controller';
import { GetHistoryHandler } from './history/get-history.query';
import { GetIdentityViewHandler } from './identity-view/get-identity-view.query';
import { IdentityViewController } from './identity-view/identity-view.controller';

/** Every read use case: its controller and its @nestjs/cqrs query handler. */
export const queryControllers: Type[] = [IdentityViewController, HistoryController];
export const queryHandlers: Type[] = [GetIdentityViewHandler, GetHistoryHandler];
