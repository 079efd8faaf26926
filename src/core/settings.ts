/** Everything an audit needs, validated and resolved before the first row is read. */
import type { KeyObject } from 'node:crypto';
import type { CountryCode } from 'libphonenumber-js/max';
import type { Encoding } from '../io/decode.js';
import type { LoadedPolicy } from '../policy/load.js';
import type { ReasonCode } from '../reasons.js';
import type { SetBy } from './gate.js';
import type { ColumnMap } from '../io/column-map.js';
import type { DateOrder } from '../dates.js';
import type { InputLimits } from '../io/xlsx/limits.js';
import type { Channel, DialMode, ListKind } from '../policy/schema.js';
import type { Origin } from '../policy/campaign.js';
import type { ExportSettings } from '../cli/export-options.js';

export interface GateSettings {
  /** Fail when rejected/rows is above this (0..1). */
  maxRejectRate: number | undefined;
  /** Fail when any row is rejected. */
  failOnReject: boolean;
  /** Fail when any row has one of these codes (`--fail-on`). */
  failOn: readonly ReasonCode[];
  /** Where each condition came from: the command line or the policy. */
  setBy: { maxRejectRate: SetBy; failOnReject: SetBy; failOn: SetBy };
}

/**
 * A suppression list: `--suppress [NAME=][KIND:]FILE`, dated by `--list-date NAME=DATE` or the
 * file's mtime; its kind from the flag, else the policy's list of that name, else `objection`.
 */
export interface SuppressSpec {
  name: string;
  path: string;
  /** Epoch ms from --list-date; undefined: the file's modification time is used. */
  date: number | undefined;
  kind: ListKind;
  kindSource: 'flag' | 'policy' | 'default';
}

export interface AuditSettings {
  /** Path of the contact list, or `-` for standard input. */
  contacts: string;
  consent: readonly string[];
  notice: string | undefined;
  suppress: readonly SuppressSpec[];
  outDir: string;
  policy: LoadedPolicy;
  /** The instant consent and notice are judged at (epoch ms). */
  asOf: number;
  /** Command-line overrides of the policy's campaign settings. */
  purpose: string | undefined;
  channel: Channel | undefined;
  region: CountryCode | undefined;
  /** --dial-mode: how calls are placed; undefined: the policy's. */
  dialMode: DialMode | undefined;
  /** --origin: where the data came from when the row, its consent record and the manifest do not say. */
  origin: Origin | undefined;
  phoneColumn: string | undefined;
  /** Columns named by --map, --phone-column and the policy's `columns` (issue #11). */
  columns: ColumnMap;
  /** How slashed dates read: the policy's date_order, or --date-order. */
  dateOrder: DateOrder;
  /** The sheet of an .xlsx contact list (undefined: the first). */
  sheet: string | undefined;
  /** Limits against hostile .xlsx and .gz inputs. */
  limits: InputLimits;
  /** Forces the encoding of every input; sniffed per file when undefined. */
  encoding: Encoding | undefined;
  gate: GateSettings;
  /** Also write clean.xlsx and rejects.xlsx (issue #13). */
  xlsx?: boolean;
  /** Write clean.csv in the dialect a spreadsheet of the run's language opens directly (issue #13). */
  csvExcel?: boolean;
  /** Write trail.jsonl, the evidence trail of every row (issue #6). */
  trail: boolean;
  /** Mask the personal data in what is meant for people (report.html, the summary); never in clean.csv. */
  mask: boolean;
  /** --mask-column: more contacts columns that hold personal data, besides those found by name (issue #14). */
  maskColumns?: readonly string[];
  /** --evidence-dir: the folder consent evidence files must be in (issue #14). */
  evidenceDir?: string | undefined;
  /** --reassigned: numbers that changed hands since their consent, and the list's date (issue #14). */
  reassigned?: { path: string; date: number | undefined } | undefined;
  /** --line-types: a carrier lookup's line types (issue #14). */
  lineTypes?: string | undefined;
  /** Also write the audit as JUnit XML here. */
  junit: string | undefined;
  /** Sign report.json with this Ed25519 key: writes report.sig (issue #14). */
  sign?: { path: string; key: KeyObject; fingerprint: string } | undefined;
  /** Also write certificate.html, the one-page certificate of the run (issue #14). */
  certificate?: boolean;
  /** --export, --hash, --export-columns: upload-ready files made from the clean rows (issue #15). */
  exports?: ExportSettings | undefined;
}
