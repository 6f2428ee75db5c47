/**
 * The tree's current grouping: starts from the `rationale.defaultGrouping` setting, is remembered
 * per workspace once the user picks another, and is mirrored in a context key for the Group By menu.
 */
import * as vscode from 'vscode';
import { GROUPINGS, type Grouping } from '../core/grouping';
import { ContextKeys } from './constants';
import { defaultGrouping } from './settings';

const STATE_KEY = 'rationale.grouping';

export class GroupingState implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Grouping>();
  private value: Grouping;

  readonly onDidChange = this.emitter.event;

  constructor(private readonly memento: vscode.Memento) {
    const remembered = memento.get<string>(STATE_KEY);
    this.value = GROUPINGS.find((grouping) => grouping === remembered) ?? defaultGrouping();
    void this.publish();
  }

  get current(): Grouping {
    return this.value;
  }

  async set(grouping: Grouping): Promise<void> {
    if (grouping === this.value) return;
    this.value = grouping;
    await Promise.all([this.memento.update(STATE_KEY, grouping), this.publish()]);
    this.emitter.fire(grouping);
  }

  dispose(): void {
    this.emitter.dispose();
  }

  private async publish(): Promise<void> {
    await vscode.commands.executeCommand('setContext', ContextKeys.grouping, this.value);
  }
}
