/** Everything an audit needs, validated and resolved before the first row is read. */
import type { Encoding } from '../io/decode.js';
import type { Campaign } from '../rules/context.js';

export interface GateSettings {
  /** Fail when rejected/rows is above this (0..1). */
  maxRejectRate: number | undefined;
  /** Fail when any row is rejected. */
  failOnReject: boolean;
}

export interface AuditSettings {
  /** Path of the contact list, or `-` for standard input. */
  contacts: string;
  consent: readonly string[];
  notice: string | undefined;
  suppress: readonly string[];
  outDir: string;
  policyName: string;
  campaign: Campaign;
  phoneColumn: string | undefined;
  /** Forces the encoding of every input; sniffed per file when undefined. */
  encoding: Encoding | undefined;
  gate: GateSettings;
}
