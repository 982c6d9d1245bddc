import { createInMemoryIncidentStore } from '../support/in-memory-store.js';
import { describeIncidentStoreContract } from './incident-store.contract.js';

describeIncidentStoreContract('in memory', async () => ({
  store: createInMemoryIncidentStore(),
  close: async () => {},
}));
