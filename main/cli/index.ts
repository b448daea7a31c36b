export { resolveCliConfig } from './CliConfig.js';
