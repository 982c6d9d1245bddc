import type { Kysely, Selectable } from 'kysely';
import { type Runbook, type Runbooks, serviceKey } from '../../app/ports/runbooks.js';
import type { Database, RunbooksTable } from './schema.js';

const toRunbook = (
  row: Pick<Selectable<RunbooksTable>, 'service' | 'url' | 'set_by' | 'set_at'>,
): Runbook => ({
  service: row.service,
  url: row.url,
  setBy: row.set_by,
  setAt: row.set_at.toISOString(),
});

/** Runbook links on PostgreSQL: one row per workspace and service. */
export function createRunbooks(db: Kysely<Database>): Runbooks {
  const columns = ['service', 'url', 'set_by', 'set_at'] as const;
  return {
    async set(teamId, runbook) {
      const row = {
        team_id: teamId,
        service_key: serviceKey(runbook.service),
        service: runbook.service.trim(),
        url: runbook.url,
        set_by: runbook.setBy,
        set_at: new Date(runbook.setAt),
      };
      await db
        .insertInto('runbooks')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['team_id', 'service_key']).doUpdateSet({
            service: row.service,
            url: row.url,
            set_by: row.set_by,
            set_at: row.set_at,
          }),
        )
        .execute();
    },
    async list(teamId) {
      const rows = await db
        .selectFrom('runbooks')
        .select(columns)
        .where('team_id', '=', teamId)
        .orderBy('service_key')
        .execute();
      return rows.map(toRunbook);
    },
    async find(teamId, service) {
      const row = await db
        .selectFrom('runbooks')
        .select(columns)
        .where('team_id', '=', teamId)
        .where('service_key', '=', serviceKey(service))
        .executeTakeFirst();
      return row ? toRunbook(row) : null;
    },
  };
}
