import type { Sql } from '../../db/client.js';
import type { Logger } from '../logger.js';

/** Must equal `caseChangedChannel` of activities/case-projection.ts (a test checks it). */
export const caseChangedChannel = 'case_changed';

export interface CaseChangeNotice {
  caseId: string;
  caseNumber: number;
  sequence: number;
  type: string;
  status: string;
}

export type CaseChangeListener = (notice: CaseChangeNotice) => void;

export interface CaseChangeHub {
  /** Resolves once Postgres is listening, so nothing notified afterwards is missed. */
  subscribe(listener: CaseChangeListener): Promise<() => void>;
  close(): Promise<void>;
}

/**
 * One LISTEN connection per API process, fanned out to every open event stream; it starts with
 * the first subscriber, so an app that nobody streams from holds no extra connection.
 */
export function createCaseChangeHub(sql: Sql, logger: Logger): CaseChangeHub {
  const listeners = new Set<CaseChangeListener>();
  let listening: Promise<{ unlisten: () => Promise<void> }> | undefined;
  const dispatch = (payload: string) => {
    let notice: CaseChangeNotice;
    try {
      notice = JSON.parse(payload) as CaseChangeNotice;
    } catch (error) {
      logger.warn('unreadable case change notice', { error });
      return;
    }
    for (const listener of listeners) listener(notice);
  };
  return {
    async subscribe(listener) {
      listeners.add(listener);
      listening ??= sql.listen(caseChangedChannel, dispatch);
      await listening;
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      if (listening) await (await listening).unlisten();
      listening = undefined;
    },
  };
}
