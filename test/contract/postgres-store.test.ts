import { createIncidentStore } from '../../src/adapters/postgres/incident-store.js';
import { openTestDatabase } from '../support/test-database.js';
import { describeIncidentStoreContract } from './incident-store.contract.js';

describeIncidentStoreContract('PostgreSQL', async () => {
  const database = await openTestDatabase();
  return { store: createIncidentStore(database.db), close: () => database.close() };
});
