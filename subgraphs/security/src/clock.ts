/** The agencies share one calendar (Bishkek time, working days): the kit's. */
export { bishkekDate, systemClock, addDays, addMonths, daysBetween, type Clock } from '@nomad/kit';
