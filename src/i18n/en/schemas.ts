/** The words of the schemas' checks (policy file, notice manifest, options). */
export const schemas = {
  'schema.region': 'expected an ISO 3166 alpha-2 region with a telephone numbering plan, upper case (e.g. "RU")',
  'schema.clock': 'expected a time of day HH:MM',
  'schema.listName': 'expected a list name of letters, digits, _ and -',
  'schema.isoDate': 'expected an ISO 8601 date (e.g. "2025-09-01")',
  'schema.text': 'expected text',
  'schema.textOrList': 'expected text or a list of texts',
  'schema.origin': 'expected "subject" or "third_party"',
  'opt.mustNameFolder': 'must name a folder',
  'opt.mustNameFile': 'must name a file',
  'opt.mustNameKey': 'must name a key file',
} as const;
