import path from 'node:path';
import { AlmanacError } from '../AlmanacError.js';
import { agentProfileSchema, profileFile, serializeProfile } from '../answer/index.js';
import { atomicWrite, type Workspace } from '../workspace/index.js';
import { readProfile, type ProfileView } from './readProfile.js';

export interface ProfileChange {
  meta: Record<string, unknown>;
  instructions: string;
  /** The version the editor loaded: CONFLICT when the file changed since. */
  baseVersion?: string;
}

/**
 * Save the working agent profile (a draft until it is reviewed like an article): CONFLICT when the
 * file changed since `baseVersion`, VALIDATION_FAILED with a problem per field that does not check.
 */
export async function saveProfile(
  ws: Workspace,
  { meta, instructions, baseVersion }: ProfileChange,
): Promise<ProfileView> {
  const current = await readProfile(ws);
  if (baseVersion && current.version && baseVersion !== current.version) {
    throw new AlmanacError(
      'CONFLICT',
      'The agent profile changed on disk since you opened it. Reload it, then make your change again.',
    );
  }
  const parsed = agentProfileSchema.safeParse(meta);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({
      file: profileFile,
      field: i.path.join('.'),
      message: i.message,
    }));
    throw new AlmanacError('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
      problems,
    });
  }
  await atomicWrite(path.join(ws.root, profileFile), serializeProfile({ meta: parsed.data, instructions }));
  return readProfile(ws);
}
