import { Command, CommanderError } from 'commander';
import { registerArticleCommands } from './articleCommands.js';
import { registerVersionCommands } from './versionCommands.js';
import { registerWebCommand } from './webCommand.js';
import { registerRetrievalCommands } from './retrievalCommands.js';
import { registerModelCommands } from './modelCommands.js';
import { registerReviewCommands } from './reviewCommands.js';
import { registerTeamCommands } from './teamCommands.js';
import { registerAnswerCommands } from './answerCommands.js';
import { registerPublishCommands } from './publishCommands.js';
import { registerInsightsCommand } from './insightsCommand.js';
import { registerHealthCommand } from './healthCommand.js';
import { registerReplayCommand } from './replayCommand.js';
import { resolveCliConfig } from './CliConfig.js';
import { fail } from './output.js';

const program = new Command('almanac')
  .description('Almanac: curate the knowledge your AI support agent answers from')
  .exitOverride()
  .showHelpAfterError();
const config = resolveCliConfig();
registerArticleCommands(program, config);
registerVersionCommands(program, config);
registerWebCommand(program, config);
registerRetrievalCommands(program, config);
registerModelCommands(program, config);
registerReviewCommands(program, config);
registerTeamCommands(program, config);
registerAnswerCommands(program, config);
registerPublishCommands(program, config);
registerReplayCommand(program, config);
registerInsightsCommand(program, config);
registerHealthCommand(program, config);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode === 0 ? 0 : 2);
  fail(err);
}
