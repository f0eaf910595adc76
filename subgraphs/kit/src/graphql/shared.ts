import { DateScalar, DateTimeScalar, SafeIntScalar } from '@nomad/contract';
import { decimalAmount, exponentOf } from '../domain/index.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';

/**
 * Types every agency's subgraph shares: scalars, money, Relay page info and user errors.
 * Include this module first in `startSubgraphServer({ modules })`; the value types are
 * `@shareable` so that the subgraphs compose.
 */
export const sharedTypeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])

  "A calendar date in ISO 8601 form, \`YYYY-MM-DD\` (for example \`2026-03-01\`)."
  scalar Date

  "An instant in ISO 8601 form, always UTC (for example \`2026-03-01T08:30:00.000Z\`)."
  scalar DateTime

  """
  An integer between -(2^53 - 1) and 2^53 - 1: exact in every JSON parser, unlike a 32-bit
  \`Int\`, which cannot hold, say, 50,000,000.00 KZT in tyiyn.
  """
  scalar SafeInt

  """
  An amount of money: an integer number of the currency's minor units and its ISO 4217
  currency. How many minor units make a major one is the currency's ISO 4217 exponent: none
  for JPY and KRW, two for USD and EUR, three for KWD.
  """
  type Money @shareable {
    "Amount in minor units of \`currency\`: USD 5,000.00 is \`500000\`, JPY 10,000 is \`10000\`, KWD 1.500 is \`1500\`."
    amountMinor: SafeInt!
    "ISO 4217 alphabetic code, e.g. \`USD\`."
    currency: String!
    "The currency's ISO 4217 exponent (decimal places): 0 for JPY and KRW, 2 for USD, 3 for KWD."
    exponent: Int!
    "The amount in major units as a decimal string with exactly \`exponent\` decimals: \`5000.00\`, \`10000000\`, \`1.500\`."
    amount: String!
  }

  "Money as sent in a mutation."
  input MoneyInput {
    "Amount in minor units of \`currency\` (its ISO 4217 exponent): USD 5,000.00 is \`500000\`, JPY 10,000 is \`10000\`. Must not be negative."
    amountMinor: SafeInt!
    "ISO 4217 alphabetic code, e.g. \`USD\`; a code ISO 4217 does not list is refused."
    currency: String!
  }

  """
  How a statistics answer was protected: the disclosure rules in force when it was computed
  (rule values; docs/analysts.md explains the method).
  """
  type StatisticsDisclosure @shareable {
    "k: a row of fewer people than this shows no measure (suppressed), nor does a row that could be worked out from the total and the rows shown."
    minCellSize: Int!
    "Counts are rounded to the nearest multiple of this (halves up), so that a cell changed by one person is never exact."
    countRoundingBase: Int!
    "Sums, averages, percentiles and shares are rounded to this many significant figures."
    significantFigures: Int!
  }

  "Relay page information. Only forward pagination (\`first\`/\`after\`) is supported."
  type PageInfo @shareable {
    "True when another page follows; fetch it with \`after: endCursor\`."
    hasNextPage: Boolean!
    "True when this page was requested with \`after\`."
    hasPreviousPage: Boolean!
    "Cursor of the first edge, or null for an empty page."
    startCursor: String
    "Cursor of the last edge: pass it as \`after\` for the next page."
    endCursor: String
  }

  "An expected failure of a mutation: a rule it broke. Nothing was written."
  type UserError @shareable {
    "Stable machine-readable code naming the rule, e.g. \`INCOME_BELOW_THRESHOLD\`."
    code: String!
    "Input path of the offending field, e.g. \`input.applicant.passport.expiresOn\`; null when the rule is not about one field."
    field: String
    "Human-readable explanation."
    message: String!
  }
`;

export { DateScalar, DateTimeScalar, isIsoDate, parsePgTimestamp, SafeIntScalar } from '@nomad/contract';

/**
 * The shared types' resolvers, typed by the kit's generated `Resolvers` (src/sdl.ts). Every
 * agency's `Money` gets its exponent and decimal form from the one ISO 4217 table.
 */
export const sharedResolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  SafeInt: SafeIntScalar,
  Money: {
    exponent: (money) => exponentOf(money.currency),
    amount: (money) => decimalAmount(money.amountMinor, money.currency),
  },
} satisfies Resolvers;
