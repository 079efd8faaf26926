/**
 * V8 settings the audit measured better with, made before any of its code runs (issue #16).
 *
 * A property access remembers the object shapes ("maps") it has seen, up to four by default; past
 * that it goes "megamorphic" and every later access looks the property up in a global cache. A
 * string has a map for each of its representations (one- or two-byte characters; flat, a slice of
 * a longer string, a concatenation, internalized), and the per-row code reads the length and
 * characters of cells, numbers and details that come in six or more of them: a CPU profile of the
 * 1M-row audit put 7.5% of its time in V8's megamorphic load (`Builtins_LoadIC_Megamorphic`,
 * `perf record`, 3 December 2026), in needsQuotes, neutralizeFormula and the phone fast path. With
 * room for eight maps those accesses stay polymorphic and the optimizing compiler handles every
 * string map as one (a string check, then the fast path). Measured on the benchmark's 1M-row
 * snapshot audit (README, Performance): 4 maps 8.72, 5 8.82, 6 8.06, 8 8.01-8.05, 16 7.95 CPU s
 * (medians of 3 alternating runs each). Only this process is affected. (A flag V8 did not know
 * would be reported on stderr: Node 20's V8, 11.3, knows this one, and every e2e test runs with it.)
 */
import { setFlagsFromString } from 'node:v8';

export const POLYMORPHIC_MAPS = 8;

setFlagsFromString(`--max-valid-polymorphic-map-count=${POLYMORPHIC_MAPS}`);
