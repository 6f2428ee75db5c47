/**
 * The questions New Decision Record asks, as one multi-step quick input: title, template, tags,
 * stakeholders. Back returns to the previous question with its answer kept; Esc creates nothing.
 */
import * as vscode from 'vscode';
import type { Stakeholder, Template } from '../core/templates';
import { type InputStep, MultiStepInput } from './multiStepInput';
import { formatPerson, parsePerson } from '../core/person';
import { literalIconText } from '../core/iconSyntax';

export interface RecordAnswers {
  title: string;
  template: Template;
  tags: string[];
  stakeholders: Stakeholder[];
}

export interface WizardChoices {
  /** Templates to offer, the default one first. */
  templates: readonly Template[];
  /** Tags already used in the log. */
  tags: readonly string[];
  /** People already named in the log. */
  people: readonly Stakeholder[];
  /** Why a title cannot be used, or undefined when it can. */
  validateTitle: (title: string) => string | undefined;
}

interface TemplateItem extends vscode.QuickPickItem {
  template: Template;
}

interface TagItem extends vscode.QuickPickItem {
  tag: string;
}

interface PersonItem extends vscode.QuickPickItem {
  person: Stakeholder;
}

const TITLE = 'New Decision Record';
const TOTAL_STEPS = 4;

/** Asks the four questions; undefined when the user cancelled. */
export async function askRecordAnswers(choices: WizardChoices): Promise<RecordAnswers | undefined> {
  const [firstTemplate] = choices.templates;
  if (!firstTemplate) throw new Error('No record template is available');
  const state = { title: '', template: firstTemplate, tags: [] as string[], stakeholders: [] as Stakeholder[] };

  const askTitle: InputStep = async (input) => {
    state.title = await input.showInputBox({
      title: TITLE,
      step: 1,
      totalSteps: TOTAL_STEPS,
      value: state.title,
      prompt: 'What is being decided? The title names the decision, e.g. "Bill annual plans upfront".',
      placeholder: 'Decision title',
      validate: choices.validateTitle,
    });
    return askTemplate;
  };

  const askTemplate: InputStep = async (input) => {
    const items: TemplateItem[] = choices.templates.map((template) => ({
      label: literalIconText(template.label),
      description: literalIconText(template.id),
      detail: literalIconText(template.description),
      template,
    }));
    const chosen = await input.showQuickPick({
      title: TITLE,
      step: 2,
      totalSteps: TOTAL_STEPS,
      items,
      placeholder: 'Template (Enter takes the first)',
      activeItem: items.find((item) => item.template.id === state.template.id),
    });
    state.template = chosen.template;
    return askTags;
  };

  const askTags: InputStep = async (input) => {
    // The label shows the tag; the tag itself is kept beside it, as the label may be escaped.
    const toItem = (tag: string): TagItem => ({ label: literalIconText(tag), tag });
    const chosen = await input.showManyPick({
      title: TITLE,
      step: 3,
      totalSteps: TOTAL_STEPS,
      items: choices.tags.map(toItem),
      selected: state.tags.map(toItem),
      placeholder: 'Tags: type to find or add one and press Enter; Enter on an empty box goes on (no tags is fine)',
      itemForTypedText: (text) => {
        const tag = text.trim();
        return tag === '' ? undefined : { ...toItem(tag), description: 'new tag', alwaysShow: true };
      },
    });
    state.tags = chosen.map((item) => item.tag);
    return askStakeholders;
  };

  const askStakeholders: InputStep = async (input) => {
    const chosen = await input.showManyPick<PersonItem>({
      title: TITLE,
      step: 4,
      totalSteps: TOTAL_STEPS,
      items: choices.people.map((person) => personItem(person)),
      selected: state.stakeholders.map((person) => personItem(person)),
      placeholder: 'Who signs off: type a name or "Name <email>" and press Enter; Enter on an empty box creates the record',
      itemForTypedText: (text) => {
        const person = parsePerson(text);
        return person ? personItem(person, 'new stakeholder') : undefined;
      },
    });
    state.stakeholders = chosen.map((item) => item.person);
  };

  const completed = await MultiStepInput.run(askTitle);
  return completed ? state : undefined;
}

function personItem(person: Stakeholder, note?: string): PersonItem {
  const details = [person.email, person.role, note].filter((part): part is string => Boolean(part));
  return {
    label: literalIconText(person.email && !note ? person.name : formatPerson(person)),
    description: literalIconText(details.join(' · ')) || undefined,
    alwaysShow: note !== undefined,
    person,
  };
}
