/**
 * A sequence of quick inputs with step numbers and a Back button, after the `multiStepInput`
 * sample of vscode-extension-samples. Each step is a function that shows one input and returns the
 * next step; Back re-runs the previous step, Esc ends the flow without a result.
 */
import * as vscode from 'vscode';

export type InputStep = (input: MultiStepInput) => Promise<InputStep | void>;

/** Thrown out of a step's prompt to move the flow; never escapes {@link MultiStepInput.run}. */
class FlowAction {
  static readonly back = new FlowAction();
  static readonly cancel = new FlowAction();
}

interface StepOptions {
  title: string;
  step: number;
  totalSteps: number;
}

export interface InputBoxOptions extends StepOptions {
  value: string;
  prompt: string;
  placeholder?: string;
  validate: (value: string) => string | undefined;
}

export interface PickOptions<T extends vscode.QuickPickItem> extends StepOptions {
  items: readonly T[];
  placeholder: string;
  activeItem?: T;
}

export interface ManyPickOptions<T extends vscode.QuickPickItem> extends StepOptions {
  items: readonly T[];
  selected: readonly T[];
  placeholder: string;
  /** Turns typed text into an item the user can pick, or undefined when the text offers nothing new. */
  itemForTypedText: (text: string) => T | undefined;
}

export class MultiStepInput {
  private current: vscode.QuickInput | undefined;
  private readonly steps: InputStep[] = [];

  /** Runs the flow; resolves true when it ran to the end, false when the user cancelled. */
  static async run(start: InputStep): Promise<boolean> {
    return new MultiStepInput().stepThrough(start);
  }

  private async stepThrough(start: InputStep): Promise<boolean> {
    let step: InputStep | void = start;
    let completed = true;
    try {
      while (step) {
        this.steps.push(step);
        if (this.current) {
          this.current.enabled = false;
          this.current.busy = true;
        }
        try {
          step = await step(this);
        } catch (error) {
          if (error === FlowAction.back) {
            this.steps.pop();
            step = this.steps.pop();
          } else if (error === FlowAction.cancel) {
            completed = false;
            step = undefined;
          } else {
            throw error;
          }
        }
      }
    } finally {
      this.current?.dispose();
    }
    return completed;
  }

  showInputBox(options: InputBoxOptions): Promise<string> {
    const input = vscode.window.createInputBox();
    this.configure(input, options);
    input.value = options.value;
    input.prompt = options.prompt;
    input.placeholder = options.placeholder;
    input.validationMessage = undefined;
    return this.prompt<string>(input, (resolve, subscriptions) => {
      subscriptions.push(
        input.onDidAccept(() => {
          const message = options.validate(input.value);
          input.validationMessage = message;
          if (message === undefined) resolve(input.value.trim());
        }),
        // Validating as the user types shows a duplicate title before they press Enter.
        input.onDidChangeValue((value) => {
          input.validationMessage = value.trim() === '' ? undefined : options.validate(value);
        }),
      );
    });
  }

  showQuickPick<T extends vscode.QuickPickItem>(options: PickOptions<T>): Promise<T> {
    const pick = vscode.window.createQuickPick<T>();
    this.configure(pick, options);
    pick.placeholder = options.placeholder;
    pick.items = options.items;
    if (options.activeItem) pick.activeItems = [options.activeItem];
    return this.prompt<T>(pick, (resolve, subscriptions) => {
      subscriptions.push(
        pick.onDidAccept(() => {
          const [chosen] = pick.selectedItems.length > 0 ? pick.selectedItems : pick.activeItems;
          if (chosen) resolve(chosen);
        }),
      );
    });
  }

  /**
   * A multi-select pick where typed text can become a new item. Enter with text in the box checks
   * the highlighted item (an existing match, or the typed one) and clears the box, so items can be
   * found or added by keyboard alone; Enter on an empty box accepts the checked items.
   */
  showManyPick<T extends vscode.QuickPickItem>(options: ManyPickOptions<T>): Promise<T[]> {
    const pick = vscode.window.createQuickPick<T>();
    this.configure(pick, options);
    pick.canSelectMany = true;
    pick.placeholder = options.placeholder;
    // Items are tracked by label: setting `items` again hands VS Code new objects and drops checks.
    let known: T[] = [...options.items];
    for (const item of options.selected) if (!known.some((existing) => existing.label === item.label)) known.push(item);
    let checked = new Set(options.selected.map((item) => item.label));
    let typed: T | undefined;
    const render = (): void => {
      // The typed item goes last, so an existing match stays the highlighted one.
      const items = typed ? [...known, typed] : known;
      pick.items = items;
      pick.selectedItems = items.filter((item) => checked.has(item.label));
    };
    const adopt = (item: T): void => {
      if (!known.some((existing) => existing.label === item.label)) known = [...known, item];
      if (item === typed) typed = undefined;
    };
    render();
    return this.prompt<T[]>(pick, (resolve, subscriptions) => {
      subscriptions.push(
        pick.onDidChangeSelection((selection) => {
          checked = new Set(selection.map((item) => item.label));
          // A typed item the user checked becomes a known one, so it survives further typing.
          if (typed && checked.has(typed.label)) adopt(typed);
        }),
        pick.onDidChangeValue((value) => {
          const candidate = options.itemForTypedText(value);
          typed = candidate && !known.some((item) => item.label === candidate.label) ? candidate : undefined;
          render();
          // A multi-select pick highlights nothing by itself; highlight what Enter will check.
          const highlighted = bestMatch(known, value) ?? typed;
          if (highlighted) pick.activeItems = [highlighted];
        }),
        pick.onDidAccept(() => {
          if (pick.value.trim() !== '') {
            const target = pick.activeItems[0] ?? typed;
            if (target) {
              checked.add(target.label);
              adopt(target);
            }
            pick.value = '';
            typed = undefined;
            render();
            return;
          }
          resolve(known.filter((item) => checked.has(item.label)));
        }),
      );
    });
  }

  private configure(input: vscode.QuickInput & { buttons: readonly vscode.QuickInputButton[] }, options: StepOptions): void {
    input.title = options.title;
    input.step = options.step;
    input.totalSteps = options.totalSteps;
    input.ignoreFocusOut = true;
    input.buttons = this.steps.length > 1 ? [vscode.QuickInputButtons.Back] : [];
  }

  /** Shows `input` in place of the previous step's and settles when the step resolves or moves. */
  private prompt<T>(
    input: vscode.QuickInput & { onDidTriggerButton: vscode.Event<vscode.QuickInputButton> },
    wire: (resolve: (value: T) => void, subscriptions: vscode.Disposable[]) => void,
  ): Promise<T> {
    const subscriptions: vscode.Disposable[] = [];
    return new Promise<T>((resolve, reject) => {
      wire(resolve, subscriptions);
      subscriptions.push(
        input.onDidTriggerButton((button) => {
          if (button === vscode.QuickInputButtons.Back) reject(FlowAction.back);
        }),
        // Hiding (Esc, focus moved away) cancels; a step that already resolved has moved on by then.
        input.onDidHide(() => reject(FlowAction.cancel)),
      );
      this.current?.dispose();
      this.current = input;
      this.current.show();
    }).finally(() => {
      for (const subscription of subscriptions) subscription.dispose();
    });
  }
}

/** The item whose label best matches typed text: equal, then starting with it, then containing it. */
function bestMatch<T extends vscode.QuickPickItem>(items: readonly T[], text: string): T | undefined {
  const wanted = text.trim().toLowerCase();
  if (wanted === '') return undefined;
  const label = (item: T): string => item.label.toLowerCase();
  return (
    items.find((item) => label(item) === wanted) ??
    items.find((item) => label(item).startsWith(wanted)) ??
    items.find((item) => label(item).includes(wanted))
  );
}
