import { ROLES } from '@nomad/kit';
import { token } from './harness.ts';

/** Officers must say why they read; hostile tests give a purpose so that refusals are about the input. */
export const PURPOSE = 'hostile input test';

/**
 * A principal with every role but `nomad` (which needs its own nomad id) and `analyst`: no
 * field is refused for want of a role, so a test reaches the input checks of every field. An
 * analyst role would turn every id of the answers into a pseudonym and refuse every lookup by
 * id (issue 16), whatever the other roles; the analysts' own hostile cases are in
 * e2e/analysts.test.ts.
 */
export function everyRoleToken(): Promise<string> {
  return token(ROLES.filter((r) => r !== 'nomad' && r !== 'analyst'));
}
