import writeFileAtomic from 'write-file-atomic';

/** Write a file so that a crash leaves either the old or the new content, never a mix. */
export async function atomicWrite(file: string, content: string | Uint8Array): Promise<void> {
  await writeFileAtomic(file, typeof content === 'string' ? content : Buffer.from(content), {
    fsync: true,
  });
}
