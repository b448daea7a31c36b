export { maskPersonalData } from '../insights/personalData.js';
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
