/**
 * `leadaudit index CONSENT... [options]` (issue #16): builds the consent index snapshot ahead of a
 * CI run, so that the audits after it load it instead of reading the consent files. It takes the
 * audit's names for the options that shape the index; stdout gets the snapshot's path and nothing
 * else (a CI script can keep it), stderr one line. Exit 0 when the snapshot is written or already
 * up to date, 2 on a usage or input error or when the cache folder cannot be written.
 */
import type { Command } from 'commander';
import { performance } from 'node:perf_hooks';
import { basename } from 'node:path';
import { z } from 'zod';
import { InputError, InterruptedError } from '../errors.js';
import { DATE_ORDERS } from '../dates.js';
import { PhoneNormalizer } from '../phone/normalize.js';
import { loadConsentIndex } from '../evidence/index-cache.js';
import { regionOf } from '../core/audit.js';
import { addCacheOptions, addPolicyOption, addReadingOptions, addRegionOption, shapeSettings } from './shape-options.js';
import { EXIT } from './exit-codes.js';
import { t } from '../i18n/index.js';

/** The warning of an audit whose snapshot could not be written (it goes on without one). */
export function cacheWarning(e: { dir: string; why: string }): string {
  return t('index.cannotWrite', e);
}

export function registerIndex(program: Command): void {
  const c = program
    .command('index')
    .description(t('help.index'))
    .argument('<consent...>', t('help.index.consent'));
  addPolicyOption(c);
  addRegionOption(c);
  addReadingOptions(c, false)
    .option('--trail', t('help.index.trail'))
    .option('--evidence-dir <dir>', t('help.index.evidenceDir'));
  addCacheOptions(c, false)
    .addHelpText('after', t('help.index.more'))
    .action(runIndex);
}

const optionsSchema = z.object({
  policy: z.string(),
  region: z.string().optional(),
  map: z.array(z.string()).optional(),
  dateOrder: z.enum(DATE_ORDERS).optional(),
  maxUnpackedMb: z.string().optional(),
  maxRows: z.string().optional(),
  maxSharedStrings: z.string().optional(),
  encoding: z.string().optional(),
  trail: z.boolean().optional(),
  evidenceDir: z.string().min(1, { error: () => t('opt.mustNameFolder') }).optional(),
  indexCache: z.string().optional(),
});

async function runIndex(consent: string[], raw: unknown): Promise<void> {
  const controller = new AbortController();
  const onInt = () => controller.abort(new InterruptedError('SIGINT'));
  const onTerm = () => controller.abort(new InterruptedError('SIGTERM'));
  process.once('SIGINT', onInt);
  process.once('SIGTERM', onTerm);
  try {
    const parsed = optionsSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InputError(t('opt.zod', { flag: String(issue.path[0]).replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`), message: issue.message }));
    }
    const o = parsed.data;
    const shape = shapeSettings(o);
    const started = performance.now();
    const phones = new PhoneNormalizer(regionOf(shape));
    const loaded = await loadConsentIndex(consent, phones, {
      encoding: shape.encoding, signal: controller.signal, keepText: o.trail === true || o.evidenceDir !== undefined,
      columns: shape.columns.consent, dateOrder: shape.dateOrder, input: { limits: shape.limits },
    }, { dir: shape.indexCache!.dir, always: true });
    const { origin } = loaded;
    if (origin.writeError) throw new InputError(t('index.cannotWriteError', origin.writeError));
    const files = consent.map((p) => basename(p)).join(', ');
    const count = loaded.index.size;
    const seconds = Number(((performance.now() - started) / 1000).toFixed(1));
    process.stderr.write(`${origin.source === 'snapshot' ? t('index.loaded', { files, count, path: origin.path! }) : t('index.built', { files, count, seconds, path: origin.path! })}\n`);
    process.stdout.write(`${origin.path!}\n`);
    process.exitCode = EXIT.ok;
  } catch (e) {
    if (controller.signal.aborted && !(e instanceof InterruptedError)) throw controller.signal.reason;
    throw e;
  } finally {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  }
}
