import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchCommand, type LaunchCommand, type ServiceSpec } from '../services.ts';

const file = fileURLToPath(new URL('./fake-service.ts', import.meta.url));

/** The stand-in service, as a spec's entry relative to `root`. */
export const FAKE_SERVICE = { root: path.dirname(file), entry: path.basename(file) };

/** Two services and one in front of them, listed last as the gateway is in SERVICES; all the stand-in. */
export const FAKE_SERVICES: ServiceSpec[] = [
  { name: 'alpha', entry: FAKE_SERVICE.entry },
  { name: 'beta', entry: FAKE_SERVICE.entry },
  { name: 'front', entry: FAKE_SERVICE.entry, front: true },
];

/** The real launch command (loader and preload included), with the service's name for the stand-in. */
export function launchFake(spec: ServiceSpec): LaunchCommand {
  const command = launchCommand(spec, FAKE_SERVICE.root);
  return { ...command, args: [...command.args, spec.name] };
}
