// Every agency's entry point imports this first, before any Apollo package loads: see @nomad/contract.
import '@nomad/contract/telemetry-off';
