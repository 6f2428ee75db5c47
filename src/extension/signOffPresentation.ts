/**
 * How one person's sign-off looks in the tree: an icon per state and a line with role, state and
 * date. Theme colors, so every theme gets readable ones.
 */
import * as vscode from 'vscode';
import type { SignOff, SignOffState } from '../core/record';
import type { SignOffProvenance } from '../core/signOffProvenance';
import { provenanceText } from './signOffProvenance';

const STATE_ICONS: Record<SignOffState, { id: string; color: string }> = {
  pending: { id: 'clock', color: 'charts.yellow' },
  approved: { id: 'pass', color: 'testing.iconPassed' },
  objected: { id: 'error', color: 'errorForeground' },
  abstained: { id: 'circle-slash', color: 'disabledForeground' },
};

/** The icon of a state; a question mark for a state the file spells in a way we do not know. */
export function signOffIcon(state: string): vscode.ThemeIcon {
  const spec = Object.hasOwn(STATE_ICONS, state) ? STATE_ICONS[state as SignOffState] : { id: 'question', color: 'descriptionForeground' };
  return new vscode.ThemeIcon(spec.id, new vscode.ThemeColor(spec.color));
}

/** `VP Finance · approved 2026-03-03 · verified`, parts left out when unknown. */
export function signOffDescription(signOff: SignOff, provenance?: SignOffProvenance): string {
  const state = signOff.date ? `${signOff.state} ${signOff.date}` : signOff.state;
  return [signOff.role, state, provenanceText(provenance)].filter((part): part is string => part !== undefined && part !== '').join(' · ');
}
