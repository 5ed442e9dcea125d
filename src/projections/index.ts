import type { Type } from '@nestjs/common';

/** Every read use case: its controller and its @nestjs/cqrs query handler. */
export const queryControllers: Type[] = [];
export const queryHandlers: Type[] = [];
