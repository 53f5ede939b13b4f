/**
 * `prompt-audit:` directive comments: `# prompt-audit: ignore high-max-tokens`, `// prompt-audit: ignore`,
 * `# prompt-audit: 5000/day`. Read from tree-sitter comment nodes, so strings that merely contain the words are not.
 */
import type { Node } from 'web-tree-sitter';
import type { Directive } from '../model';
import { nodeRange } from './ranges';

const MARKER = 'prompt-audit:';
const PER_DAY: Record<string, number> = { d: 1, day: 1, h: 24, hr: 24, hour: 24, w: 1 / 7, wk: 1 / 7, week: 1 / 7, mo: 1 / 30, month: 1 / 30, min: 1440, minute: 1440 };

/** Parses one comment's text (markers already removed); null when it is not a directive. */
export function parseDirective(commentText: string): Omit<Directive, 'line' | 'range'> | null {
  const at = commentText.toLowerCase().indexOf(MARKER);
  if (at < 0) return null;
  const body = commentText.slice(at + MARKER.length).trim().replace(/\*\/$/, '').trim();
  const ignore = /^ignore\b(.*)$/i.exec(body);
  if (ignore) {
    const rules = ignore[1].split(/[\s,]+/).map((r) => r.trim()).filter((r) => r.length > 0 && r !== '-' && r !== '--');
    return { kind: 'ignore', rules };
  }
  const volume = /^([\d][\d_,.]*)\s*(?:requests?|calls?|req)?\s*(?:\/|per\s+)\s*([a-z]+)/i.exec(body);
  if (volume) {
    const count = Number(volume[1].replace(/[_,]/g, ''));
    const factor = PER_DAY[volume[2].toLowerCase()];
    if (Number.isFinite(count) && factor !== undefined) return { kind: 'volume', rules: [], requestsPerDay: count * factor };
  }
  return null;
}

export function directiveOf(node: Node, text: string): Directive | null {
  const d = parseDirective(text);
  if (!d) return null;
  return { ...d, line: node.startPosition.row, range: nodeRange(node) };
}
