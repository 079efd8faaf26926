/** `leadaudit schema <policy|consent|notice|report>`: JSON Schema made from the zod schemas. */
import { Argument, type Command } from 'commander';
import { z } from 'zod';
import { policySchema } from '../policy/schema.js';
import { consentRecordSchema } from '../evidence/consent-schema.js';
import { noticeManifestSchema } from '../evidence/notice-manifest.js';
import { reportSchema } from '../report/report-schema.js';

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
    .description('print the JSON Schema of a policy file, a consent record, the notice manifest or report.json')
    .addArgument(new Argument('<kind>', 'which schema').choices(Object.keys(SCHEMAS)))
    .action((kind: keyof typeof SCHEMAS) => {
      process.stdout.write(`${JSON.stringify(jsonSchema(kind), null, 2)}\n`);
    });
}
