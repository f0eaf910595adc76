/** The agencies share one calendar (Bishkek time, working days): the kit's. */
export { bishkekDate, systemClock, fixedClock, addDays, type Clock } from '@nomad/kit';
