/**
 * SOURCE_BLOCKED: data obtained unlawfully (a leak, scraping without consent to distribution)
 * cannot be used at all (152-FZ Art. 5 part 1, Art. 10.1; GDPR Art. 6). The row's source is the
 * notice field `source` as resolved (row, consent record, manifest); a blocked entry matches when
 * it occurs in it, compared case-insensitively with white space and quote marks folded.
 */
import { NO_FINDINGS, type Finding } from '../reasons.js';
import { fold } from '../policy/campaign.js';
import type { AuditContext, RowFacts } from './context.js';

export function checkSource(row: RowFacts, ctx: AuditContext): readonly Finding[] {
  const blocked = ctx.campaign.blockedSources;
  const source = row.notice?.source?.value;
  if (!blocked.length || !source) return NO_FINDINGS;
  const folded = fold(source);
  const hit = blocked.find((b) => folded.includes(b));
  return hit === undefined ? NO_FINDINGS : [{ code: 'SOURCE_BLOCKED', args: { source: JSON.stringify(source), blocked: JSON.stringify(hit) } }];
}
