/** The environment the runner reads (the one place that reads process.env). */
export interface RunnerEnv {
  /** NOMAD_GATEWAY_URL: the gateway, unless --url names another. */
  gatewayUrl: string | undefined;
  /** NOMAD_TOKEN: the caller's token, unless --token gives one. Never printed. */
  token: string | undefined;
  /** INIT_CWD: where `npm run query` was typed (npm runs the script from the repository's root). */
  initCwd: string | undefined;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): RunnerEnv {
  return { gatewayUrl: env.NOMAD_GATEWAY_URL || undefined, token: env.NOMAD_TOKEN || undefined, initCwd: env.INIT_CWD || undefined };
}
