// The shifted clock lives with the sandbox (`--start-at`); tests import it from here.
export * from '../../src/sandbox/shifted-clock.js';
