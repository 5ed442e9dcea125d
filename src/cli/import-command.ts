import { SingleBar } from 'cli-progress';
import { Command } from 'commander';
import type { BulkAgency } from '../bulk/bulk-commands';
import { BulkRecorder } from '../bulk/bulk-recorder';
import { Gazetteer } from '../gazetteer/gazetteer';
import { LegacyImport, type ImportSummary } from '../import/legacy-import';
import { openStore } from './open-store';

interface ImportCommandOptions {
  data?: string;
  format?: string;
  rejects?: string;
  office?: string;
  registrar: string;
  batchSize: string;
  progress: boolean;
}

function agencyOf(options: ImportCommandOptions, gazetteer: Gazetteer): BulkAgency {
  if (!options.office) return { registrar: options.registrar };
  const office = gazetteer.office(options.office);
  if (!office) throw new Error(`unknown registration office ${options.office}`);
  return { registrar: options.registrar, office: office.code, officeArea: office.area };
}

function progressBar(enabled: boolean) {
  if (!enabled || !process.stderr.isTTY) return undefined;
  return new SingleBar({
    stream: process.stderr,
    format: 'importing |{bar}| {percentage}% | {rows} rows, {rate} rows/s | ETA {eta_formatted} | recorded {recorded}, already there {duplicates}, rejected {rejected}',
    etaBuffer: 50,
    hideCursor: true,
  });
}

const report = (s: ImportSummary, file: string): string =>
  s.alreadyComplete
    ? `${file} was imported before (${s.rowsDone} rows): nothing recorded. Rejects: ${s.rejectsPath}\n`
    : `${s.stopped ? 'Stopped' : 'Imported'} ${file}: ${s.rowsDone} rows${s.resumedFrom ? ` (resumed after row ${s.resumedFrom})` : ''}, ` +
      `${s.recorded} recorded, ${s.duplicates} already in the ledger, ${s.rejected} rejected (${s.rejectsPath}).\n` +
      (s.stopped ? 'Run the same command again to resume from there.\n' : '');

export function importCommand(): Command {
  return new Command('import')
    .description('import legacy records (CSV or NDJSON, see docs/import.md): resumable, idempotent, rejects to a file')
    .argument('<file>', 'the file to import (.csv or .ndjson)')
    .option('--data <dir>', 'embedded store folder (env SIJIL_DATA, default ./data)')
    .option('--format <format>', 'csv or ndjson (default: from the file name)')
    .option('--rejects <path>', 'where rejected rows go (default FILE.rejects.ndjson)')
    .option('--office <code>', 'registration office the facts are recorded by (its area bounds the jurisdiction)')
    .option('--registrar <name>', 'registrar recorded on every fact', 'legacy-import')
    .option('--batch-size <n>', 'rows per transaction', '2000')
    .option('--no-progress', 'no progress bar')
    .action(async (file: string, options: ImportCommandOptions) => {
      const { config, store } = await openStore(options);
      const gazetteer = Gazetteer.load(config.gazetteerPath);
      const agency = agencyOf(options, gazetteer);
      const bar = progressBar(options.progress);
      const started = Date.now();
      let stopping = false;
      const onSigint = () => {
        if (stopping) process.exit(130);
        stopping = true;
        process.stderr.write('\nstopping after the current batch (Ctrl-C again to quit now; the import resumes either way)\n');
      };
      process.on('SIGINT', onSigint);
      try {
        const summary = await new LegacyImport(store, new BulkRecorder(store, gazetteer, config.policy)).run({
          file,
          format: options.format,
          rejectsPath: options.rejects,
          batchSize: Number(options.batchSize),
          agency,
          shouldStop: () => stopping,
          onProgress: ({ totals, resumedFrom, bytes, totalBytes }) => {
            if (!bar) return;
            const seconds = Math.max((Date.now() - started) / 1000, 0.001);
            const payload = { ...totals, rows: totals.rowsDone, rate: Math.round((totals.rowsDone - resumedFrom) / seconds) };
            if (bar.isActive) bar.update(bytes, payload);
            else bar.start(totalBytes, bytes, payload);
          },
        });
        bar?.stop();
        process.stdout.write(report(summary, file));
      } finally {
        bar?.stop();
        process.off('SIGINT', onSigint);
        await store.close();
      }
    });
}
