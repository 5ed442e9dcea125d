#!/usr/bin/env node
import 'reflect-metadata';
import { Command } from 'commander';
import { agenciesCommand } from './agencies-command';
import { importCommand } from './import-command';
import { serveCommand } from './serve-command';

const program = new Command('sijil')
  .description('Sijil, the civil status ledger: operator commands')
  .addCommand(serveCommand())
  .addCommand(agenciesCommand())
  .addCommand(importCommand());

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`sijil: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
