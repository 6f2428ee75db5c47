/**
 * The tree's current grouping: starts from the `rationale.defaultGrouping` setting, is remembered
 * per workspace once the user picks another, and is mirrored in a context key for the Group By menu.
 * Changing the setting regroups the view at once, over an earlier pick: it is the newer wish.
 */
import * as vscode from 'vscode';
import { GROUPINGS, type Grouping } from '../core/grouping';
import { ContextKeys, NAMESPACE, Settings } from './constants';
import { defaultGrouping } from './settings';

const STATE_KEY = 'rationale.grouping';

export class GroupingState implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Grouping>();
  private readonly subscriptions: vscode.Disposable[] = [this.emitter];
  private value: Grouping;

  readonly onDidChange = this.emitter.event;

  constructor(private readonly memento: vscode.Memento) {
    const remembered = memento.get<string>(STATE_KEY);
    this.value = GROUPINGS.find((grouping) => grouping === remembered) ?? defaultGrouping();
    void this.publish();
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration(async (event) => {
        if (!event.affectsConfiguration(`${NAMESPACE}.${Settings.defaultGrouping}`)) return;
        await this.memento.update(STATE_KEY, undefined);
        await this.show(defaultGrouping());
      }),
    );
  }

  get current(): Grouping {
    return this.value;
  }

  /** The user's pick, remembered for the workspace. */
  async set(grouping: Grouping): Promise<void> {
    await this.memento.update(STATE_KEY, grouping);
    await this.show(grouping);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private async show(grouping: Grouping): Promise<void> {
    if (grouping === this.value) return;
    this.value = grouping;
    await this.publish();
    this.emitter.fire(grouping);
  }

  private async publish(): Promise<void> {
    await vscode.commands.executeCommand('setContext', ContextKeys.grouping, this.value);
  }
}
