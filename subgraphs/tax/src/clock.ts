/** The agencies share one calendar (Bishkek time, working days): the kit's. */
export { bishkekDate, systemClock, addDays, type Clock } from '@nomad/kit';
