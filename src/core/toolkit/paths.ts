import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/**
 * `file` relative to `folder` with `/` separators, when it lies strictly inside it; undefined for
 * the folder itself and anything outside. Compares the paths as written: pass real paths to see
 * through symlinks. Called for every file of the journal on each index load, so kept cheap.
 */
export function relativeInside(folder: string, file: string): string | undefined {
  // path.relative resolves both sides and returns a normalized path: ".." can only lead it.
  const rel = path.relative(folder, file);
  if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return undefined;
  return path.sep === '/' ? rel : rel.split(path.sep).join('/');
}

/** `child` is `parent` itself or lies below it. */
export function isInsideOrEqual(child: string, parent: string): boolean {
  return path.relative(parent, child) === '' || relativeInside(parent, child) !== undefined;
}

/** The real path (symlinks resolved), or the resolved path when it does not exist. */
export async function realpathOr(p: string): Promise<string> {
  try {
    return await fs.realpath(p);
  } catch {
    return path.resolve(p);
  }
}

export async function samePath(a: string, b: string): Promise<boolean> {
  const [ra, rb] = await Promise.all([realpathOr(a), realpathOr(b)]);
  return process.platform === 'win32' ? ra.toLowerCase() === rb.toLowerCase() : ra === rb;
}
