// The one deterministic sample world every agency's seed reads (no agency's code or tables).
export { programWorld, sampleWorld, sampleWorldChunks, type SampleWorldOptions } from './world.ts';
export { DEMO_NOMAD_ID, SAMPLE_RULES } from './tables.ts';
export type * from './types.ts';
export { sampleDependants, type SampleDependant, type SampleDependantDocument } from './dependants.ts';
