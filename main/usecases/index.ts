// The use cases: one verb per file, each taking what it works on and doing its own authorization
// through main/policy. The studio bridge, IPC, the command line and the live agent call them as thin
// adapters; a rule written here is obeyed by every transport.
export { questionsFromFeedback } from './questionsFromFeedback.js';
export { readProfile } from './readProfile.js';
export type { ProfileView } from './readProfile.js';
export { runGoldenSetAgainst } from './runGoldenSetAgainst.js';
export type { GoldenRunSource } from './runGoldenSetAgainst.js';
export { saveProfile } from './saveProfile.js';
export type { ProfileChange } from './saveProfile.js';
export { searchArticles } from './searchArticles.js';
export type { SearchSource } from './searchArticles.js';
