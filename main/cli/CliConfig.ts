import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Everything the command line resolves once, at its entry point. */
export interface CliConfig {
  sampleWorkspace: string;
  defaultProfile: string;
  rendererDir: string;
  /** Where embedding models live: ALMANAC_MODEL_DIR, else resources/models. */
  modelDir: string;
  /** This user's Almanac settings and private keys: ALMANAC_CONFIG_DIR, else $XDG_CONFIG_HOME/almanac or ~/.config/almanac. */
  configDir: string;
  /** The key for an OpenAI-compatible answer provider: ALMANAC_OPENAI_API_KEY, else OPENAI_API_KEY. */
  openAiKey?: string;
  /** A live agent's bearer token for publish and rollback: ALMANAC_AGENT_TOKEN. */
  agentToken?: string;
  /** S3-compatible storage for publish targets and replicas: ALMANAC_S3_ENDPOINT, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION. */
  s3: { endpoint?: string; credentials?: { accessKeyId: string; secretAccessKey: string; region: string } };
}

export function resolveCliConfig(): CliConfig {
  const repo = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
  return {
    sampleWorkspace: repo('resources/sample-workspace'),
    defaultProfile: repo('resources/default-profile.md'),
    rendererDir: repo('out/renderer'),
    modelDir: process.env.ALMANAC_MODEL_DIR ?? repo('resources/models'),
    configDir:
      process.env.ALMANAC_CONFIG_DIR ??
      path.join(process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), 'almanac'),
    openAiKey: process.env.ALMANAC_OPENAI_API_KEY || process.env.OPENAI_API_KEY || undefined,
    agentToken: process.env.ALMANAC_AGENT_TOKEN || undefined,
    s3: {
      endpoint: process.env.ALMANAC_S3_ENDPOINT || undefined,
      credentials:
        process.env.AWS_ACCESS_KEY_ID && process.env.AWS_SECRET_ACCESS_KEY
          ? {
              accessKeyId: process.env.AWS_ACCESS_KEY_ID,
              secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,
              region: process.env.AWS_REGION || 'us-east-1',
            }
          : undefined,
    },
  };
}
