// Shared with the gateway: defined in @nomad/contract, re-exported so the kit's importers keep working.
export { AGENCY_DEFAULT_PORTS, AGENCY_NAMES, isAgencyName, type AgencyName } from '@nomad/contract';
