import { fileURLToPath } from 'node:url';
import { copyRows, type ProgramSeeder } from '@nomad/kit';
import { programWorld } from '@nomad/sample';
import { activityReports, caseActions, evaluations, expertConflicts, experts, monitoringCases } from '../db/schema.ts';
import { planLaborSeed, type LaborSeedCounters } from './seed.ts';

/**
 * Labor's part of the large program (`npm run seed:large`): the same plan as `seedLabor`
 * (experts, a case per holder, quarterly reports, evaluations) over the world drawn in
 * chunks, written with COPY.
 */
export const laborProgramSeeder: ProgramSeeder = {
  agency: 'labor',
  migrationsFolder: fileURLToPath(new URL('../../drizzle', import.meta.url)),
  tables: [experts, expertConflicts, monitoringCases, caseActions, activityReports, evaluations],
  async write(conn, options) {
    const counts = { experts: 0, expert_conflicts: 0, monitoring_cases: 0, case_actions: 0, activity_reports: 0, evaluations: 0 };
    const counters: LaborSeedCounters = { cases: 0, evaluations: 0 };
    let expertBySub: Map<string, string> | undefined;
    for (const world of programWorld(options)) {
      const plan = planLaborSeed(world, options.today, counters);
      if (!expertBySub) {
        // The experts and Aidai's declared conflict, as `seedLabor` writes them, once.
        counts.experts = await copyRows(conn, experts, plan.experts);
        expertBySub = new Map(plan.experts.flatMap((e) => (e.id ? [[e.principalSub, e.id] as const] : [])));
        const aidai = expertBySub.get('dev:labor_expert');
        const first = plan.cases[0]?.nomadId;
        if (aidai && first) counts.expert_conflicts = await copyRows(conn, expertConflicts, [{ expertId: aidai, kind: 'NOMAD', nomadId: first, note: 'Former colleague.', declaredBy: 'seed:labor_officer' }]);
      }
      const bySub = expertBySub;
      counts.monitoring_cases += await copyRows(conn, monitoringCases, plan.cases);
      counts.case_actions += await copyRows(conn, caseActions, plan.actions);
      counts.activity_reports += await copyRows(conn, activityReports, plan.reports);
      const evaluationRows = plan.evaluations.map(({ expertSub, ...row }) => {
        const expertId = expertSub ? bySub.get(expertSub) : undefined;
        return expertId ? { ...row, expertId } : { ...row, state: 'UNASSIGNED' as const, assignedAt: null, assignedBy: null };
      });
      counts.evaluations += await copyRows(conn, evaluations, evaluationRows);
    }
    return counts;
  },
};
