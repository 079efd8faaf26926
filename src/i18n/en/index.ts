export { reasons } from './reasons.js';
export { cli } from './cli.js';
