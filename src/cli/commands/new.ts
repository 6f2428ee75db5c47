import { createRecord, localIsoDate } from '../../core/createRecord';
import { BUILT_IN_TEMPLATES, DEFAULT_TEMPLATE_ID, loadCustomTemplates, mergeTemplates } from '../../core/templates';
import { parsePerson } from '../../core/person';
import { userIdentity } from '../git';
import type { Io } from '../io';
import { type Repository, folderInside, openRepository } from '../repository';
import { UsageError, parseCommandArgs } from '../usage';

export const NEW_HELP = `Usage: rationale new "Title" [--template T] [--template-dir D] [--tag TAG]... [--stakeholder "Name <email>"]... [--prefix P] [--dir D]

Creates a record with the next free number, exactly as the extension's "New Decision Record" does,
and prints its path. The git user is its decision-maker; stakeholders are added with sign-off pending.

  --template T         full (default), short, madr, nygard, or a custom template's id
  --template-dir D     folder of custom templates (markdown files), inside the repository
  --tag TAG            a tag; repeat for more
  --stakeholder S      a stakeholder whose sign-off it needs; repeat for more
  --prefix P           reference prefix (default DR)
  --dir D              decision folder (default: the one the extension finds, else docs/decisions)`;

export async function newCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    template: { type: 'string' },
    'template-dir': { type: 'string' },
    tag: { type: 'string', multiple: true },
    stakeholder: { type: 'string', multiple: true },
    prefix: { type: 'string' },
    dir: { type: 'string' },
  });
  if (values.help) {
    io.out(NEW_HELP);
    return 0;
  }
  const title = positionals.join(' ').trim();
  if (title === '') throw new UsageError('a title is required, e.g. rationale new "Bill annual plans upfront"');

  const repository = await openRepository(io.cwd, values.dir as string | undefined, { orDefault: true });
  const templateDir = values['template-dir'] as string | undefined;
  const custom = templateDir ? await loadCustomTemplates(repository.fs, await templateFolder(repository, io.cwd, templateDir)) : { templates: [], problems: [] };
  for (const problem of custom.problems) io.err(`warning: ${problem}`);
  const templates = mergeTemplates(BUILT_IN_TEMPLATES, custom.templates);
  const templateId = (values.template as string | undefined) ?? DEFAULT_TEMPLATE_ID;
  const template = templates.find((candidate) => candidate.id === templateId);
  if (!template) throw new UsageError(`--template must be one of ${templates.map((candidate) => candidate.id).join(', ')} (got "${templateId}")`);

  const identity = await userIdentity(repository.root).catch(() => ({ name: undefined }));
  const created = await createRecord(repository.fs, repository.folder, {
    template,
    title,
    date: localIsoDate(new Date()),
    prefix: (values.prefix as string | undefined) ?? 'DR',
    decisionMakers: identity.name ? [identity.name] : [],
    tags: (values.tag as string[] | undefined) ?? [],
    stakeholders: ((values.stakeholder as string[] | undefined) ?? []).flatMap((text) => parsePerson(text) ?? []),
  });
  io.out(created.path);
  return 0;
}

/** `--template-dir`, resolved like `--dir` (from the current folder) to a folder that exists in the repository. */
async function templateFolder(repository: Repository, cwd: string, name: string): Promise<string> {
  const folder = await folderInside(repository.root, cwd, name);
  if (!folder) throw new UsageError(`--template-dir ${name} is not a folder inside ${repository.root}`);
  const stat = await repository.fs.stat(folder);
  if (!stat) throw new UsageError(`template folder ${folder} does not exist`);
  if (stat.type !== 'directory') throw new UsageError(`template folder ${folder} is not a folder`);
  return folder;
}
