import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AlmanacError, type Problem } from '../AlmanacError.js';
import { parseProfile, profileFile, type AgentProfile } from '../answer/index.js';
import { blobHash } from '../versions/index.js';
import type { Workspace } from '../workspace/index.js';

/** The agent profile as the profile editor loads it: parsed, or the text and what to fix. */
export interface ProfileView {
  profile?: AgentProfile;
  /** The file's text and its problems when it does not parse. */
  text?: string;
  problems?: Problem[];
  /** The git blob hash of the file as read: a save names it to detect a change made meanwhile. */
  version?: string;
}

/** Read the working agent profile; an absent file is an empty view, a damaged one its text and problems. */
export async function readProfile(ws: Workspace): Promise<ProfileView> {
  let text: string;
  try {
    text = await readFile(path.join(ws.root, profileFile), 'utf8');
  } catch {
    return {};
  }
  const version = blobHash(text);
  try {
    return { profile: { ...parseProfile(text), version }, version };
  } catch (err) {
    if (err instanceof AlmanacError && err.details?.problems) return { text, problems: err.details.problems, version };
    throw err;
  }
}
