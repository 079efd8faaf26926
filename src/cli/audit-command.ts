/**
 * `leadaudit audit`: options -> validated settings (zod) -> audit() -> summary, report, exit code.
 */
import { Option, type Command } from 'commander';
import { z } from 'zod';
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';
import { Chalk, chalkStderr } from 'chalk';
import { InputError, InterruptedError } from '../errors.js';
import { DATE_ORDERS, readDate, type DateOrder } from '../dates.js';
import { emptyColumnMap, mergeColumnMaps, parseMapFlag } from '../io/column-map.js';
import { DEFAULT_LIMITS, MIB, type InputLimits } from '../io/xlsx/limits.js';
import { encodingName, ENCODINGS } from '../io/decode.js';
import { PRESET_NAMES } from '../policy/preset-names.js';
import { CHANNELS, DIAL_MODES, LIST_KINDS } from '../policy/schema.js';
import { loadPolicy } from '../policy/load.js';
import { audit } from '../core/audit.js';
import type { AuditSettings } from '../core/settings.js';
import { renderSummary, gateFailedLine } from '../report/summary.js';
import { bad, listDate, suppressSpecs } from './list-options.js';
import { exportSettings } from './export-options.js';
import { PLATFORMS } from '../export/platforms.js';
import { exportKey } from '../export/export-plan.js';

export { suppressSpecs } from './list-options.js';
import { REASON_CODES, type ReasonCode } from '../reasons.js';
import { fingerprint, readKey } from '../report/signature.js';
import { EXIT } from './exit-codes.js';
import { progressFor } from './progress.js';
import { t, t as tr } from '../i18n/index.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];
const ORIGINS = ['subject', 'third_party'] as const;

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description(t('help.audit'))
    .argument('<contacts>', t('help.audit.contacts'))
    .option('--consent <file>', t('help.audit.consent'), collect)
    .option('--notice <file>', t('help.audit.notice'))
    .option('--out-dir <dir>', t('help.audit.outDir'), './leadaudit-out')
    .option('--policy <name|file>', t('help.audit.policy', { presets: PRESET_NAMES.join(', ') }), 'ru-152fz')
    .option('--as-of <date>', t('help.audit.asOf'))
    .option('--purpose <word>', t('help.audit.purpose'))
    .addOption(new Option('--channel <channel>', t('help.audit.channel')).choices(CHANNELS))
    .option('--region <code>', t('help.audit.region'))
    .option('--suppress <[name=][kind:]file>', t('help.audit.suppress', { kinds: LIST_KINDS.join(', ') }), collect)
    .option('--list-date <name=date>', t('help.audit.listDate'), collect)
    .option('--evidence-dir <dir>', t('help.audit.evidenceDir'))
    .option('--reassigned <file>', t('help.audit.reassigned'))
    .option('--line-types <file>', t('help.audit.lineTypes'))
    .addOption(new Option('--dial-mode <mode>', t('help.audit.dialMode')).choices(DIAL_MODES))
    .addOption(new Option('--origin <origin>', t('help.audit.origin')).choices(ORIGINS))
    .option('--phone-column <name>', t('help.audit.phoneColumn'), collect)
    .option('--email-column <name>', t('help.audit.emailColumn'))
    .option('--map <kind.field=column>', t('help.audit.map'), collect)
    .addOption(new Option('--date-order <order>', t('help.audit.dateOrder')).choices(DATE_ORDERS))
    .option('--sheet <name>', t('help.audit.sheet'))
    .option('--max-unpacked-mb <n>', t('help.audit.maxUnpacked', { n: String(DEFAULT_LIMITS.maxUnpackedBytes / MIB) }))
    .option('--max-rows <n>', t('help.audit.maxRows', { n: String(DEFAULT_LIMITS.maxRows) }))
    .option('--max-shared-strings <n>', t('help.audit.maxStrings', { n: String(DEFAULT_LIMITS.maxSharedStrings) }))
    .option('--encoding <name>', t('help.audit.encoding', { encodings: ENCODINGS.join(', ') }))
    .option('--max-reject-rate <rate>', t('help.audit.maxRejectRate'))
    .option('--fail-on-reject', t('help.audit.failOnReject'))
    .option('--fail-on <codes>', t('help.audit.failOn'), collect)
    .option('--json', t('help.audit.json'))
    .option('--quiet', t('help.audit.quiet'))
    .option('--xlsx', t('help.audit.xlsx'))
    .option('--csv-excel', t('help.audit.csvExcel'))
    .option('--trail', t('help.audit.trail'))
    .option('--junit <file>', t('help.audit.junit'))
    .option('--mask', t('help.audit.mask'))
    .option('--mask-column <name>', t('help.audit.maskColumn'), collect)
    .option('--certificate', t('help.audit.certificate'))
    .option('--sign <key>', t('help.audit.sign'))
    .option('--export <platform>', t('help.audit.export', { platforms: PLATFORMS.join(', ') }), collect)
    .option('--hash <[platform=]form>', t('help.audit.hash'), collect)
    .option('--export-columns <columns>', t('help.audit.exportColumns'), collect)
    .action(runAudit);
}

/** The raw options as commander gives them; each check names its flag and the value it got. */
const optionsSchema = z.object({
  consent: z.array(z.string()).optional(),
  notice: z.string().optional(),
  outDir: z.string().min(1, { error: () => tr('opt.mustNameFolder') }),
  policy: z.string(),
  asOf: z.string().optional(),
  purpose: z.string().optional(),
  channel: z.enum(CHANNELS).optional(),
  region: z.string().optional(),
  dialMode: z.enum(DIAL_MODES).optional(),
  origin: z.enum(ORIGINS).optional(),
  suppress: z.array(z.string()).optional(),
  listDate: z.array(z.string()).optional(),
  evidenceDir: z.string().min(1, { error: () => tr('opt.mustNameFolder') }).optional(),
  reassigned: z.string().min(1, { error: () => tr('opt.mustNameFile') }).optional(),
  lineTypes: z.string().min(1, { error: () => tr('opt.mustNameFile') }).optional(),
  maskColumn: z.array(z.string()).optional(),
  phoneColumn: z.union([z.string(), z.array(z.string())]).optional(),
  emailColumn: z.string().optional(),
  map: z.array(z.string()).optional(),
  dateOrder: z.enum(DATE_ORDERS).optional(),
  sheet: z.string().min(1).optional(),
  maxUnpackedMb: z.string().optional(),
  maxRows: z.string().optional(),
  maxSharedStrings: z.string().optional(),
  encoding: z.string().optional(),
  maxRejectRate: z.string().optional(),
  failOnReject: z.boolean().optional(),
  failOn: z.array(z.string()).optional(),
  json: z.boolean().optional(),
  quiet: z.boolean().optional(),
  trail: z.boolean().optional(),
  xlsx: z.boolean().optional(),
  csvExcel: z.boolean().optional(),
  mask: z.boolean().optional(),
  junit: z.string().min(1).optional(),
  sign: z.string().min(1, { error: () => tr('opt.mustNameKey') }).optional(),
  certificate: z.boolean().optional(),
  export: z.array(z.string()).optional(),
  hash: z.array(z.string()).optional(),
  exportColumns: z.array(z.string()).optional(),
});
type RawOptions = z.infer<typeof optionsSchema>;

/** Options -> settings; throws InputError naming the flag, the value and the problem. */
export function toSettings(contacts: string, raw: unknown, now = Date.now()): AuditSettings {
  const parsed = optionsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(t('opt.zod', { flag: String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), message: issue.message }));
  }
  const o: RawOptions = parsed.data;
  if (!o.consent || o.consent.length === 0) {
    throw new InputError(t('opt.consentRequired'));
  }
  const policy = loadPolicy(o.policy);

  const dateOrder: DateOrder = o.dateOrder ?? policy.policy.date_order ?? 'dmy';
  let asOf = now;
  if (o.asOf !== undefined) {
    const t = readDate(o.asOf, dateOrder);
    if ('problem' in t) throw bad('--as-of', o.asOf, tr('opt.asOf', { problem: t.problem }));
    asOf = t.ms;
  }
  const flagMap = emptyColumnMap();
  for (const m of o.map ?? []) parseMapFlag(m, flagMap);
  const columns = mergeColumnMaps(policy.policy.columns, flagMap, policy.file ? `${policy.file.path}: columns` : 'the policy\'s columns');
  if (o.phoneColumn !== undefined) columns.contacts.phone = [...(typeof o.phoneColumn === 'string' ? [o.phoneColumn] : o.phoneColumn), ...(flagMap.contacts.phone ?? [])];
  // Issue #15: the email column of an email run, as --map contacts.email=NAME.
  if (o.emailColumn !== undefined) columns.contacts.email = [o.emailColumn];
  const limits: InputLimits = {
    maxUnpackedBytes: o.maxUnpackedMb === undefined ? DEFAULT_LIMITS.maxUnpackedBytes : positive('--max-unpacked-mb', o.maxUnpackedMb) * MIB,
    maxRows: o.maxRows === undefined ? DEFAULT_LIMITS.maxRows : positive('--max-rows', o.maxRows),
    maxSharedStrings: o.maxSharedStrings === undefined ? DEFAULT_LIMITS.maxSharedStrings : positive('--max-shared-strings', o.maxSharedStrings),
  };

  let region: CountryCode | undefined;
  if (o.region !== undefined) {
    const code = o.region.trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(code) || !isSupportedCountry(code)) throw bad('--region', o.region, t('opt.region'));
    region = code as CountryCode;
  }

  let purpose: string | undefined;
  if (o.purpose !== undefined) {
    purpose = o.purpose.trim().toLowerCase();
    if (!purpose) throw bad('--purpose', o.purpose, t('opt.empty'));
  }

  let encoding;
  if (o.encoding !== undefined) {
    encoding = encodingName(o.encoding);
    if (!encoding) throw bad('--encoding', o.encoding, t('value.notOneOf', { list: ENCODINGS.join(', ') }));
  }

  let maxRejectRate: number | undefined = policy.policy.gate.max_reject_rate ?? undefined;
  if (o.maxRejectRate !== undefined) {
    const n = Number(o.maxRejectRate);
    if (!/^\s*(\d+(\.\d*)?|\.\d+)\s*$/.test(o.maxRejectRate) || n > 1) throw bad('--max-reject-rate', o.maxRejectRate, t('opt.rate'));
    maxRejectRate = n;
  }

  // The key is read and checked before any input: a bad key must not cost a long run.
  let sign: AuditSettings['sign'];
  if (o.sign !== undefined) {
    const key = readKey(o.sign, 'private', '--sign');
    sign = { path: o.sign, key, fingerprint: fingerprint(key) };
  }

  const failOn = o.failOn === undefined ? policy.policy.gate.fail_on ?? [] : reasonCodes(o.failOn);
  // `--list-date reassigned=DATE` dates the --reassigned list; every other name a --suppress list.
  const reassignedDate = o.reassigned === undefined ? [] : (o.listDate ?? []).filter((d) => /^reassigned=/i.test(d));
  const listDates = (o.listDate ?? []).filter((d) => !reassignedDate.includes(d));
  if (reassignedDate.length > 1) throw bad('--list-date', reassignedDate[1]!, t('opt.reassignedDateTwice'));
  const suppress = suppressSpecs(o.suppress ?? [], listDates, dateOrder, policy.policy);
  if (o.reassigned !== undefined && suppress.some((x) => x.name === 'reassigned')) {
    throw bad('--suppress', o.suppress!.find((v) => /^reassigned=/i.test(v)) ?? 'reassigned', t('opt.reassignedName'));
  }

  // --export dialer on an email run is refused before any file is read (src/export/export-plan.ts).
  const exports = exportSettings(o.export, o.hash, o.exportColumns);
  if (exports) exportKey(exports.jobs.map((j) => j.platform), o.channel ?? policy.policy.channel);

  return {
    contacts,
    consent: o.consent,
    notice: o.notice,
    suppress,
    outDir: o.outDir,
    policy,
    asOf,
    purpose,
    channel: o.channel,
    region,
    dialMode: o.dialMode,
    origin: o.origin,
    phoneColumn: columns.contacts.phone?.[0],
    columns,
    dateOrder,
    sheet: o.sheet,
    limits,
    encoding,
    gate: {
      maxRejectRate,
      failOnReject: o.failOnReject ?? policy.policy.gate.fail_on_reject,
      failOn,
      setBy: {
        maxRejectRate: o.maxRejectRate === undefined ? 'policy' : '--max-reject-rate',
        failOnReject: o.failOnReject === undefined ? 'policy' : '--fail-on-reject',
        failOn: o.failOn === undefined ? 'policy' : '--fail-on',
      },
    },
    trail: o.trail ?? false,
    xlsx: o.xlsx ?? false,
    csvExcel: o.csvExcel ?? false,
    mask: o.mask ?? false,
    maskColumns: o.maskColumn ?? [],
    evidenceDir: o.evidenceDir,
    reassigned: o.reassigned === undefined ? undefined : { path: o.reassigned, date: reassignedDate[0] === undefined ? undefined : listDate(reassignedDate[0], dateOrder) },
    lineTypes: o.lineTypes,
    junit: o.junit,
    sign,
    certificate: o.certificate ?? false,
    exports,
  };
}

/** `--fail-on CODE[,CODE...]` (repeatable): known reason codes, any case, each once, in the registry's order. */
export function reasonCodes(values: readonly string[]): ReasonCode[] {
  const wanted = new Set<ReasonCode>();
  for (const value of values) {
    const words = value.split(',').map((w) => w.trim());
    if (words.every((w) => w === '')) throw bad('--fail-on', value, t('opt.failOnEmpty'));
    for (const word of words) {
      if (word === '') continue;
      const code = word.toUpperCase();
      if (!(REASON_CODES as readonly string[]).includes(code)) {
        const near = nearestCode(code);
        throw bad('--fail-on', word, t('opt.notCode', { near: near ? t('opt.didYouMean', { code: near }) : '' }));
      }
      wanted.add(code as ReasonCode);
    }
  }
  return REASON_CODES.filter((c) => wanted.has(c));
}

/** The code a typo was most likely meant to be: at most two edits away. */
function nearestCode(word: string): ReasonCode | undefined {
  let best: ReasonCode | undefined;
  let bestDistance = 3;
  for (const code of REASON_CODES) {
    const d = editDistance(word, code);
    if (d < bestDistance) [best, bestDistance] = [code, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

function positive(flag: string, value: string): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || n < 1) throw bad(flag, value, t('opt.wholeNumber'));
  return n;
}

/** Colour only on a terminal, never with NO_COLOR (https://no-color.org) or --quiet. */
function summaryColours(): InstanceType<typeof Chalk> {
  const noColor = (process.env.NO_COLOR ?? '') !== '';
  return new Chalk({ level: process.stderr.isTTY && !noColor ? Math.max(chalkStderr.level, 1) as 1 | 2 | 3 : 0 });
}

async function runAudit(contacts: string, raw: Record<string, unknown>): Promise<void> {
  // Signals are taken from the start, before the options (the policy file) are even read: a run
  // stops on SIGINT or SIGTERM in every phase (issue #12 item 4).
  const controller = new AbortController();
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => () => controller.abort(new InterruptedError(signal));
  const onInt = onSignal('SIGINT'), onTerm = onSignal('SIGTERM');
  process.once('SIGINT', onInt);
  process.once('SIGTERM', onTerm);
  const progress = progressFor(process.stderr, raw.quiet === true);
  try {
    const settings = toSettings(contacts, raw);
    controller.signal.throwIfAborted();
    const result = await audit(settings, { signal: controller.signal, onProgress: (p) => progress.update(p) });
    progress.done();
    // A signal after the commit: the outputs are complete, but the run was asked to stop.
    if (controller.signal.aborted) throw new InterruptedError((controller.signal.reason as InterruptedError).signal, true);
    if (!raw.quiet) process.stderr.write(renderSummary(result, summaryColours(), { mask: settings.mask }));
    // A CI job running --json --quiet still learns why its gate failed (issue #14): one line.
    else if (!result.report.gate.passed) process.stderr.write(gateFailedLine(result.report));
    if (raw.json) process.stdout.write(`${JSON.stringify(result.report, null, 2)}\n`);
    process.exitCode = result.report.gate.passed ? EXIT.ok : EXIT.gateFailed;
  } catch (e) {
    // Whatever failed while the run was being stopped (a stream torn down mid-read) is a
    // consequence of the interruption: report the interruption.
    if (controller.signal.aborted && !(e instanceof InterruptedError)) throw controller.signal.reason;
    throw e;
  } finally {
    progress.done();
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  }
}
