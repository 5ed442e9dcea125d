#!/usr/bin/env node
import 'reflect-metadata';
import { Command } from 'commander';
import { agenciesCommand } from './agencies-command';
import { importCommand } from './import-command';
import { projectionsCommand } from './projections-command';
import { serveCommand } from './serve-command';
import { statsCommand } from './stats-command';
import { synthCommand } from './synth-command';

const program = new Command('sijil')
  .description('Sijil, the civil status ledger: operator commands')
  .addCommand(serveCommand())
  .addCommand(agenciesCommand())
  .addCommand(importCommand())
  .addCommand(projectionsCommand())
  .addCommand(synthCommand())
  .addCommand(statsCommand());

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`sijil: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
