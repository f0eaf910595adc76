import { pgSchema } from 'drizzle-orm/pg-core';

/** Every table of the migration authority lives in its own PostgreSQL schema. */
export const migration = pgSchema('migration');

// Enums more than one module's tables use: a person's sex (nomads, dependants), where a record
// came from (nomads, applications, status periods), GKNB's screening outcome (applications, dependants).
export const sexEnum = migration.enum('sex', ['MALE', 'FEMALE']);

export const recordSourceEnum = migration.enum('record_source', ['PORTAL', 'PILOT_2022_2024']);

export const screeningOutcomeEnum = migration.enum('screening_outcome', ['PENDING', 'CLEARED', 'FLAGGED']);
