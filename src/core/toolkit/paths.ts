import * as path from 'node:path';

/**
 * `file` relative to `folder` with `/` separators, when it lies strictly inside it; undefined for
 * the folder itself and anything outside. Compares the paths as written: pass real paths to see
 * through symlinks.
 */
export function relativeInside(folder: string, file: string): string | undefined {
  const rel = path.relative(path.resolve(folder), path.resolve(file));
  if (rel === '' || path.isAbsolute(rel) || rel.split(path.sep).includes('..')) return undefined;
  return rel.split(path.sep).join('/');
}

/** `child` is `parent` itself or lies below it. */
export function isInsideOrEqual(child: string, parent: string): boolean {
  return path.resolve(child) === path.resolve(parent) || relativeInside(parent, child) !== undefined;
}
