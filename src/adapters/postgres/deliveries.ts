import type { Kysely } from 'kysely';
import type { Deliveries } from '../../app/ports/deliveries.js';
import type { Database } from './schema.js';

/** Delivered messages on PostgreSQL: one row per message and recipient. */
export function createDeliveries(db: Kysely<Database>): Deliveries {
  return {
    async find(key) {
      const row = await db
        .selectFrom('deliveries')
        .select('detail')
        .where('key', '=', key)
        .executeTakeFirst();
      return row ? (row.detail ?? '') : null;
    },
    async markDelivered(key, detail) {
      await db
        .insertInto('deliveries')
        .values({ key, detail })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
    },
  };
}
