import type { Db } from '../../db/client.js';
import { assignCase } from './assign-case.js';
import type { AssignCaseInput, DispatchWaitingCasesInput, ReassignCasesInput, ReleaseAssignmentInput } from './assignment-types.js';
import { dispatchWaitingCases } from './dispatch-waiting-cases.js';
import { reassignCases } from './reassign-cases.js';
import { releaseAssignment } from './release-assignment.js';
import { setAgentAvailability, type SetAgentAvailabilityInput } from './set-agent-availability.js';

/** The assignment activities bound to the database, for `createActivities` to spread in. */
export function createAssignmentActivities({ db }: { db: Db }) {
  return {
    assignCase: (input: AssignCaseInput) => assignCase(db, input),
    releaseAssignment: (input: ReleaseAssignmentInput) => releaseAssignment(db, input),
    dispatchWaitingCases: (input: DispatchWaitingCasesInput = {}) => dispatchWaitingCases(db, input),
    reassignCases: (input: ReassignCasesInput) => reassignCases(db, input),
    setAgentAvailability: (input: SetAgentAvailabilityInput) => setAgentAvailability(db, input),
  };
}

export type AssignmentActivities = ReturnType<typeof createAssignmentActivities>;
