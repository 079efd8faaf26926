export { reasons } from './reasons.js';
export { cli } from './cli.js';
export { summary } from './summary.js';
export { inputs } from './inputs.js';
export { help } from './help.js';
export { law } from './law.js';
export { commands } from './commands.js';
