import type { Db, Sql } from '../db/client.js';
import type { Logger } from '../src/logger.js';
import { loadCasePolicy, routeCase, type LoadCasePolicyInput } from './case-policy.js';
import { projectCaseEvent } from './case-projection.js';
import type { ProjectCaseEventInput } from './case-projection-types.js';
import { checkSurveyAllowance, type CheckSurveyAllowanceInput } from './case-surveys.js';

export interface ActivityDeps {
  db: Db;
  sql: Sql;
  logger?: Logger;
}

/** The activities a case worker registers, bound to their dependencies. */
export function createActivities({ db, sql }: ActivityDeps) {
  return {
    projectCaseEvent: (input: ProjectCaseEventInput) => projectCaseEvent(db, sql, input),
    loadCasePolicy: (input: LoadCasePolicyInput) => loadCasePolicy(db, input),
    routeCase: (input: { caseTypeCode: string }) => routeCase(db, input),
    checkSurveyAllowance: (input: CheckSurveyAllowanceInput) => checkSurveyAllowance(db, input),
  };
}

export type CaseActivities = ReturnType<typeof createActivities>;
