/**
 * One subgraph, `hello`: `Query.hello: String` and a recursive `Person` to build depth and
 * cost bombs on. Composed once with @apollo/composition 2.14.4 (not a gateway dependency)
 * from:
 *
 *   extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
 *   type Query { hello: String me: Person }
 *   type Person { name: String friends(first: Int, after: String): [Person!]! }
 *
 * The URL inside is deliberately unusable: the gateway must route by its own URL map.
 */
export const SUPERGRAPH = `schema
  @link(url: "https://specs.apollo.dev/link/v1.0")
  @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)
{
  query: Query
}

directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE

directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION

directive @join__graph(name: String!, url: String!) on ENUM_VALUE

directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE

directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR

directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION

directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA

scalar join__FieldSet

enum join__Graph {
  HELLO @join__graph(name: "hello", url: "http://127.0.0.1:1/unused")
}

scalar link__Import

enum link__Purpose {
  """
  \`SECURITY\` features provide metadata necessary to securely resolve fields.
  """
  SECURITY

  """
  \`EXECUTION\` features provide metadata necessary for operation execution.
  """
  EXECUTION
}

type Person
  @join__type(graph: HELLO)
{
  name: String
  friends(first: Int, after: String): [Person!]!
}

type Query
  @join__type(graph: HELLO)
{
  hello: String
  me: Person
}
`;

/**
 * Two subgraphs, for partial answers: `hello` as above, and `world` with
 * `type Query { world: String required: String! }` (a non-null root field: when `world` is
 * down, the whole answer's data is null). Composed the same way as SUPERGRAPH.
 */
export const TWO_SUBGRAPHS = `schema
  @link(url: "https://specs.apollo.dev/link/v1.0")
  @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)
{
  query: Query
}

directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE

directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION

directive @join__graph(name: String!, url: String!) on ENUM_VALUE

directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE

directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR

directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION

directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA

scalar join__FieldSet

enum join__Graph {
  HELLO @join__graph(name: "hello", url: "http://127.0.0.1:1/unused")
  WORLD @join__graph(name: "world", url: "http://127.0.0.1:1/unused")
}

scalar link__Import

enum link__Purpose {
  """
  \`SECURITY\` features provide metadata necessary to securely resolve fields.
  """
  SECURITY

  """
  \`EXECUTION\` features provide metadata necessary for operation execution.
  """
  EXECUTION
}

type Person
  @join__type(graph: HELLO)
{
  name: String
  friends(first: Int, after: String): [Person!]!
}

type Query
  @join__type(graph: HELLO)
  @join__type(graph: WORLD)
{
  hello: String @join__field(graph: HELLO)
  me: Person @join__field(graph: HELLO)
  world: String @join__field(graph: WORLD)
  required: String! @join__field(graph: WORLD)
}
`;
