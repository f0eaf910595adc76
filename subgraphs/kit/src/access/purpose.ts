import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import { Kind, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { Principal } from '../auth.ts';
import { ErrorCode } from '../errors.ts';

/**
 * The personal fields (`Type.field` coordinates of the agency's personal-field table) an
 * operation selects, in document order, each once: through the operation itself and the
 * fragments it spreads, `_entities`' inline fragments included.
 */
export function personalFieldsSelected(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, personal: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    Field(node) {
      const parent = typeInfo.getParentType();
      const coordinate = parent ? `${parent.name}.${node.name.value}` : null;
      if (coordinate && personal.has(coordinate)) found.add(coordinate);
    },
  });
  for (const definition of document.definitions) {
    if (definition === operation || definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition, visitor);
  }
  return [...found];
}

/**
 * Whether the principal must say why they read personal data: everyone acting for an
 * organisation (officers, experts, analysts, auditors). A nomad reading their own record needs
 * no purpose; whether they may read a record at all is the resolvers' decision.
 */
export function purposeRequiredOf(principal: Principal): boolean {
  return principal.roles.some((role) => role !== 'nomad');
}

/**
 * Refuses a staff member's operation that selects a personal field without an `X-Purpose`:
 * `PURPOSE_REQUIRED`, naming the fields, before any resolver (and so any SQL) runs; nothing is
 * read and nothing is recorded. An operation without personal fields needs no purpose.
 *
 * HTTP 200 with the errors and no data, like the input check: the gateway reads the body of a
 * 2xx subgraph answer only.
 */
export function purposeRequiredPlugin<TContext extends { principal: Principal; purpose: string | null }>(
  personalFields: Iterable<string>,
): ApolloServerPlugin<TContext> {
  const personal = new Set(personalFields);
  return {
    requestDidStart() {
      return Promise.resolve({
        responseForOperation(rc): Promise<GraphQLResponse | null> {
          const { principal, purpose } = rc.contextValue;
          if (purpose !== null || !purposeRequiredOf(principal)) return Promise.resolve(null);
          const fields = personalFieldsSelected(rc.schema, rc.document, rc.operation, personal);
          if (fields.length === 0) return Promise.resolve(null);
          const shown = fields.slice(0, 5).join(', ') + (fields.length > 5 ? `, and ${fields.length - 5} more` : '');
          const error = {
            message: `Reading personal data (${shown}) needs a purpose: send the X-Purpose header saying why (for example the case under review). Nothing was read.`,
            extensions: { code: ErrorCode.PURPOSE_REQUIRED, field: 'X-Purpose' },
          };
          return Promise.resolve({ http: { status: 200, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { errors: [error] } } });
        },
      });
    },
  };
}
