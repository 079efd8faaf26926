/**
 * The leadaudit command line: parse -> options -> run -> report -> exit code. This folder is the
 * only place that writes to the terminal or sets process.exitCode. Known errors (bad input, bad
 * options) become one line on stderr and exit 2; anything else is a bug and is re-thrown.
 */
import { Command, CommanderError } from 'commander';
import { InputError, InterruptedError } from '../errors.js';
import { VERSION } from '../version.js';
import { registerAudit } from './audit-command.js';
import { registerPolicy } from './policy-command.js';
import { registerReasons } from './reasons-command.js';
import { registerSchema } from './schema-command.js';
import { registerInit } from './init-command.js';
import { registerExplain } from './explain-command.js';
import { registerSample } from './sample-command.js';
import { registerVerify } from './verify-command.js';
import { registerKeygen } from './keygen-command.js';
import { registerCertificate } from './certificate-command.js';
import { EXIT } from './exit-codes.js';

export function buildProgram(): Command {
  const program = new Command('leadaudit')
    .description('Audit a contact list against consent evidence and notice requirements before it reaches a dialer.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(`leadaudit: ${text.replace(/^error: /, '').trimEnd()} (see --help)\n`) });
  registerAudit(program);
  registerPolicy(program);
  registerReasons(program);
  registerSchema(program);
  registerInit(program);
  registerExplain(program);
  registerSample(program);
  registerVerify(program);
  registerKeygen(program);
  registerCertificate(program);
  const override = (c: Command): void => { c.exitOverride(); c.commands.forEach(override); };
  override(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit 0; every other commander error (unknown option, missing argument) is usage.
      process.exitCode = e.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    if (e instanceof InputError) {
      process.stderr.write(`leadaudit: ${e.message.replace(/\s*\n\s*/g, ' ')}\n`);
      process.exitCode = EXIT.usage;
      return;
    }
    if (e instanceof InterruptedError) {
      process.stderr.write(`leadaudit: ${e.message}; ${e.committed ? 'the outputs were complete and are in place' : 'the out-dir was left as it was'}\n`);
      // Exit now: an open() of a FIFO no one writes to may still be stuck in the thread pool, and
      // would keep the process alive (issue #12 item 4). stderr is written synchronously.
      process.exit(e.signal === 'SIGINT' ? EXIT.interrupted : EXIT.terminated);
    }
    throw e;
  }
}

await main(process.argv);
