import type { Context } from '../../context.ts';

export interface ActivityView {
  code: string;
  title: string;
}

/** The ministry's activity list (everyone may read it: it is the decree's public list). */
export async function activitiesFor(ctx: Context): Promise<ActivityView[]> {
  return (await ctx.loaders.rules.load('rules')).eligible_activities;
}

/** An activity by code; a code no longer on the list keeps its code as title. */
export async function activityOf(ctx: Context, code: string): Promise<ActivityView> {
  const rules = await ctx.loaders.rules.load('rules');
  return rules.eligible_activities.find((a) => a.code === code) ?? { code, title: code };
}
