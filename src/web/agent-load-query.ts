import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { agents, cases } from '../../db/schema.js';
import type { PickOption } from './reference-lists.js';
import { openCaseStatuses } from '../domain/case-vocabulary.js';

/** An agent as the supervisor's assignment board shows it: who, whether on shift, how busy. */
export interface AgentLoad extends PickOption {
  availability: string;
  openCases: number;
}


/**
 * Active agents by name with their availability and open cases. The count is a subquery per agent,
 * so each is a short range of the (assignee, status) index rather than a join over every open case.
 */
export async function listAgentLoads(db: Db): Promise<AgentLoad[]> {
  const statusList = sql.join(openCaseStatuses.map((status) => sql`${status}`), sql`, `);
  const rows = await db
    .select({
      value: agents.id,
      label: agents.displayName,
      availability: agents.availability,
      // Qualified by hand: inside a select list drizzle leaves column names bare, and a bare "id" would mean the case's.
      openCases: sql<number>`(select count(*)::int from ${cases} as open_cases where open_cases.assignee_agent_id = ${agents}.id and open_cases.status in (${statusList}))`,
    })
    .from(agents)
    .where(eq(agents.isActive, true))
    .orderBy(asc(agents.displayName));
  return rows.map((row) => ({ ...row, openCases: Number(row.openCases) }));
}
