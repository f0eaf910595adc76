import { ROLES, type Role } from '../auth.ts';
import type { Rule } from '../access/need-to-know.ts';

/**
 * An agency's need-to-know table as its test writes it by hand: one line of rules per field,
 * the columns in `columns` order. The test compares it with the table the services read, so a
 * cell changed in `policy.ts` fails until the test says the same. Throws when the columns are
 * not every role exactly once (a role added to the contract needs its column) or a line has
 * another number of cells.
 */
export function tableFromGrid<TField extends string>(columns: readonly Role[], grid: Readonly<Record<TField, readonly Rule[]>>): Record<TField, Record<Role, Rule>> {
  if (columns.length !== ROLES.length || ROLES.some((r) => !columns.includes(r))) {
    throw new Error(`tableFromGrid: the columns must be every role once (${ROLES.join(', ')}), got ${columns.join(', ')}`);
  }
  const table = {} as Record<TField, Record<Role, Rule>>;
  for (const field of Object.keys(grid) as TField[]) {
    const cells = grid[field];
    if (cells.length !== columns.length) throw new Error(`tableFromGrid: ${field} has ${cells.length} cells for ${columns.length} roles`);
    table[field] = Object.fromEntries(columns.map((role, i) => [role, cells[i]])) as Record<Role, Rule>;
  }
  return table;
}

/** One try of a cell: a caller holding `role` alone, asking for `field` of the nomad concerned. */
export interface CellCase<TField extends string> {
  field: TField;
  role: Role;
  rule: Rule;
  /** The caller's own nomad id: the nomad concerned (own), another nomad, or, for any other role, the nomad concerned's id carried without the nomad role. */
  callerNomadId: string;
  /** Whether the relation the cell may name holds for this try. */
  relationHolds: boolean;
  /** `any`: read; `never`: refused; `self`: read only by the nomad concerned; a relation: read when it holds. */
  expected: boolean;
  /** Names the try in an assertion's message. */
  at: string;
}

/**
 * Every cell of a grid as the tries an agency's check must answer: the nomad column as the
 * nomad concerned and as another nomad, each other role once (carrying the nomad concerned's id,
 * which without the nomad role must change nothing); each with the relation holding and not,
 * or only not when the agency names no relation.
 */
export function cellCases<TField extends string>(
  columns: readonly Role[],
  grid: Readonly<Record<TField, readonly Rule[]>>,
  { nomadId, otherNomadId, relations = [false] }: { nomadId: string; otherNomadId: string; relations?: readonly boolean[] },
): CellCase<TField>[] {
  return (Object.keys(grid) as TField[]).flatMap((field) =>
    columns.flatMap((role, i) => {
      const rule = grid[field][i] as Rule;
      const callers = role === 'nomad' ? [{ callerNomadId: nomadId, own: true }, { callerNomadId: otherNomadId, own: false }] : [{ callerNomadId: nomadId, own: false }];
      return callers.flatMap(({ callerNomadId, own }) =>
        relations.map((relationHolds) => ({
          field,
          role,
          rule,
          callerNomadId,
          relationHolds,
          expected: expectedRead(rule, own, relationHolds),
          at: `${field} × ${role}${role === 'nomad' ? (own ? ' (own)' : ' (another nomad)') : ''}${relations.length > 1 ? `, relation ${relationHolds ? 'holding' : 'not holding'}` : ''}`,
        })),
      );
    }),
  );
}

/** What a caller whose one cell is `rule` reads: `any` always, `self` only their own, `never` nothing, a relation when it holds. */
function expectedRead(rule: Rule, own: boolean, relationHolds: boolean): boolean {
  if (rule === 'any') return true;
  if (rule === 'never') return false;
  if (rule === 'self') return own;
  return relationHolds;
}
