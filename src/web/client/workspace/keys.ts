/** What a key press means in the workspace: pure, so the key map is tested without a browser. */
export type WorkspaceCommand =
  | { kind: 'decide'; decision: 'INCLUDE' | 'MAYBE' }
  | { kind: 'exclude' }
  | { kind: 'reason'; index: number }
  | { kind: 'next' }
  | { kind: 'previous' }
  | { kind: 'search' }
  | { kind: 'conflicts' }
  | { kind: 'cancel' };

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/**
 * `record` mode: i include, e exclude (then a reason), m maybe, j / k next / previous, / search,
 * c the first disagreement between reviewers (its final-decision field).
 * `reason` mode (after e): 1 to `reasons` pick a reason, Escape cancels; the record keys still move.
 * Keys with Ctrl, Cmd or Alt are the browser's.
 */
export function commandForKey(press: KeyPress, mode: 'record' | 'reason', reasons: number): WorkspaceCommand | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  const key = press.key;
  if (key === 'Escape') return mode === 'reason' ? { kind: 'cancel' } : null;
  if (mode === 'reason' && /^[1-9]$/.test(key)) {
    const index = Number(key) - 1;
    return index < reasons ? { kind: 'reason', index } : null;
  }
  switch (key) {
    case 'i':
      return { kind: 'decide', decision: 'INCLUDE' };
    case 'm':
      return { kind: 'decide', decision: 'MAYBE' };
    case 'e':
      return { kind: 'exclude' };
    case 'j':
      return { kind: 'next' };
    case 'k':
      return { kind: 'previous' };
    case '/':
      return { kind: 'search' };
    case 'c':
      return { kind: 'conflicts' };
    default:
      return null;
  }
}
