import type { Type } from '@nestjs/common';

/** Every command use case: its controller and its @nestjs/cqrs handler. */
export const commandControllers: Type[] = [];
export const commandHandlers: Type[] = [];
