import { LineEdit } from './sectionEdit';

const OPENING = /^---[ \t]*$/;
const CLOSING = /^(---|\.\.\.)[ \t]*$/;
const ENERGY = /^energy:[ \t]*(.*)$/;
/** A YAML comment: `#` at the start of the value or after whitespace. */
const COMMENT = /(?:^|[ \t])(#.*)$/;

/**
 * The one-line change that sets `energy: <n>` in an entry's front matter, keeping the comment
 * the template puts there (`energy: # 1 (drained) to 5 (energized)`). Adds the key, or a front
 * matter block, when missing. Undefined when the entry already says `energy: <n>`.
 */
export function setEnergyEdit(markdown: string, energy: number): LineEdit | undefined {
  if (!Number.isInteger(energy) || energy < 1 || energy > 5) throw new RangeError(`energy must be 1 to 5, not ${energy}`);
  const lines = markdown.split(/\r?\n/);
  if (!OPENING.test(lines[0]?.replace(/^\uFEFF/, '') ?? '')) return { line: 0, mode: 'insert', text: `---\nenergy: ${energy}\n---` };
  const close = lines.findIndex((line, i) => i > 0 && CLOSING.test(line));
  if (close < 0) throw new Error('its front matter has no closing ---; set the energy in the editor');
  for (let i = 1; i < close; i++) {
    const m = ENERGY.exec(lines[i]);
    if (!m) continue;
    if (i + 1 < close && /^[ \t]+\S/.test(lines[i + 1])) throw new Error('its energy spans several lines; set it in the editor');
    const comment = COMMENT.exec(m[1])?.[1];
    const value = (comment ? m[1].slice(0, m[1].length - comment.length) : m[1]).trim();
    if (value === String(energy)) return undefined;
    return { line: i, mode: 'replace', text: `energy: ${energy}${comment ? ` ${comment}` : ''}` };
  }
  return { line: close, mode: 'insert', text: `energy: ${energy}` };
}
