export {
  knowledgeHealth,
  customerPassages,
  quantityStatements,
  defaultDuplicateThreshold,
  defaultConflictThreshold,
} from './knowledgeHealth.js';
export type {
  HealthPassage,
  HealthReport,
  HealthOptions,
  DuplicatePair,
  ConflictPair,
  QuantityStatement,
} from './knowledgeHealth.js';
