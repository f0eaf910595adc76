/**
 * The agencies of the graph and the port each one's subgraph listens on by default (`npm
 * start` on one machine). Event delivery derives each subscriber's default `POST /events` URL
 * from it; a new agency is one line here (and one in the gateway's subgraph list).
 */
export const AGENCY_DEFAULT_PORTS = {
  migration: 4001,
  labor: 4002,
  tax: 4003,
  security: 4004,
} as const;

export type AgencyName = keyof typeof AGENCY_DEFAULT_PORTS;

export const AGENCY_NAMES = Object.keys(AGENCY_DEFAULT_PORTS) as AgencyName[];

export function isAgencyName(value: string): value is AgencyName {
  return Object.hasOwn(AGENCY_DEFAULT_PORTS, value);
}
