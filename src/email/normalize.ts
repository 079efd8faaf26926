/**
 * Email-cell normalization (issue #15): one cell of text -> the address as compared, or why not.
 * The address is parsed by @hapi/address (RFC 5321 with RFC 6531's internationalized local parts
 * and domains), not by a regular expression of ours; the README says why this library and what it
 * measured. The key is: trimmed, Unicode NFC, the domain in its ASCII (IDNA) form by node:url's
 * `domainToASCII`, and the whole address lower-cased, so `Егор@Почта.РФ`, `егор@xn--80a1acny.xn--p1ai`
 * and the NFD spelling of the same letters are one address.
 */
import { analyzeEmail } from '@hapi/address';
import { domainToASCII } from 'node:url';

export type EmailResult =
  | { kind: 'missing' }
  /** `problem`: the library's error code (src/email/problem-words.ts), or `DOMAIN_IDNA` when the domain has no ASCII form. */
  | { kind: 'invalid'; problem: string }
  | { kind: 'valid'; address: string; domain: string };

/** A leading `mailto:` a CRM export may leave (the scheme is not part of the address). */
const MAILTO = /^mailto:/i;

/** A domain as compared: its ASCII form, lower case; '' when it has none. */
export function asciiDomain(domain: string): string {
  return domainToASCII(domain.normalize('NFC')).toLowerCase();
}

export function normalizeEmail(cell: string): EmailResult {
  let text = cell.trim();
  if (text === '') return { kind: 'missing' };
  text = text.replace(MAILTO, '').normalize('NFC');
  const error = analyzeEmail(text);
  if (error) return { kind: 'invalid', problem: error.code };
  // The library has checked there is exactly one `@`.
  const at = text.lastIndexOf('@');
  const domain = asciiDomain(text.slice(at + 1));
  if (domain === '') return { kind: 'invalid', problem: 'DOMAIN_IDNA' };
  return { kind: 'valid', address: `${text.slice(0, at).toLowerCase()}@${domain}`, domain };
}

/**
 * A suppression list entry: an address, or a whole domain written `@example.ru` (or `*@example.ru`).
 * Returns the key it is kept under: the normalized address, or `@` + the domain's ASCII form.
 */
export function normalizeSuppressEntry(cell: string): EmailResult {
  const text = cell.trim().replace(/^\*(?=@)/, '');
  if (!text.startsWith('@')) return normalizeEmail(text);
  // A domain alone is checked as the domain of an address with a placeholder local part.
  const r = normalizeEmail(`x${text}`);
  return r.kind === 'valid' ? { kind: 'valid', address: `@${r.domain}`, domain: r.domain } : r;
}
