export { maskPersonalData } from '../insights/index.js';
export {
  firstDayOf,
  loggedQuestions,
  replayQuestions,
  type LoggedQuestion,
  type LoggedQuestionOptions,
  type ReplayChange,
  type ReplayChangeKind,
  type ReplayOptions,
  type ReplayOutcome,
  type ReplayReport,
} from './replayQuestions.js';
