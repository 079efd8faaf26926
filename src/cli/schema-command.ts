/** `leadaudit schema <policy|consent|notice|report>`: JSON Schema made from the zod schemas. */
import { Argument, type Command } from 'commander';
import { z } from 'zod';
import { policySchema } from '../policy/schema.js';
import { consentRecordSchema } from '../evidence/consent-schema.js';
import { noticeManifestSchema } from '../evidence/notice-manifest.js';
import { reportSchema } from '../report/report-schema.js';
import { t } from '../i18n/index.js';

export const SCHEMAS = {
  policy: policySchema,
  consent: consentRecordSchema,
  notice: noticeManifestSchema,
  report: reportSchema,
} as const;

export function jsonSchema(kind: keyof typeof SCHEMAS): object {
  return { title: `leadaudit ${kind}`, ...z.toJSONSchema(SCHEMAS[kind](), { io: 'input' }) };
}

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description(t('help.schema'))
    .addArgument(new Argument('<kind>', t('help.schema.kind')).choices(Object.keys(SCHEMAS)))
    .action((kind: keyof typeof SCHEMAS) => {
      process.stdout.write(`${JSON.stringify(jsonSchema(kind), null, 2)}\n`);
    });
}
