/**
 * Every id the extension shares with package.json: commands, views, context keys and settings.
 * Keeping them in one place means a rename cannot leave a menu or a `when` clause pointing nowhere.
 */

/** The extension's id as `publisher.name`, for `extensions.getExtension` in tests and other extensions. */
export const EXTENSION_ID = 'rationale.rationale';

/** Prefix of every command, setting and context key. */
export const NAMESPACE = 'rationale';

export const Commands = {
  /** Prompts for a title, template, tags and stakeholders, then writes and opens a new record. */
  newRecord: 'rationale.newRecord',
  /** Quick pick over every record of every log; opens the chosen one. */
  openDecision: 'rationale.openDecision',
  /** Opens one record from the tree; internal, hidden from the palette. */
  openRecord: 'rationale.openRecord',
  /** Reloads every log from disk, for when file events were missed (network drives, some remotes). */
  refresh: 'rationale.refresh',
  /** Picks or creates the decision folder of a workspace folder and stores it in its settings. */
  chooseFolder: 'rationale.chooseFolder',
  /** The four "Group By" choices of the tree's title menu. */
  groupByStatus: 'rationale.groupBy.status',
  groupByTag: 'rationale.groupBy.tag',
  groupByStakeholder: 'rationale.groupBy.stakeholder',
  groupByMonth: 'rationale.groupBy.month',
  /** Copies `[DR-12: Title](permalink) — status, n/m signed off` for a pull request description. */
  copyPullRequestLink: 'rationale.copyPullRequestLink',
  /** Copies the markdown summary of the records the current branch adds, edits and re-statuses. */
  copyPrSummary: 'rationale.copyPrSummary',
  /** Adds a pull request URL to a record's `links:`. */
  addPullRequestLink: 'rationale.addPullRequestLink',
  /** Approve, object to or abstain from a record as the git user of its folder. */
  signOff: 'rationale.signOff',
  /** Adds people to a record's sign-off list as pending. */
  requestSignOff: 'rationale.requestSignOff',
  /** Moves a record along its lifecycle (proposed → accepted/rejected, accepted → deprecated/superseded). */
  changeStatus: 'rationale.changeStatus',
  /** Creates the successor of a record and marks the record superseded, in one undoable edit. */
  supersede: 'rationale.supersede',
  /** Adds another record's number to a record's `related:`. */
  linkRelated: 'rationale.linkRelated',
  /** Adds a link or a workspace file to a record's `data-sources:`. */
  addDataSource: 'rationale.addDataSource',
  /** Moves a record to the next free number (two branches added the same one), with the references that meant it. */
  renumber: 'rationale.renumber',
  /** Lists the records awaiting the git user's sign-off (the status-bar item's click). */
  showAwaitingSignOff: 'rationale.showAwaitingSignOff',
} as const;

export const Views = {
  /** The activity-bar container holding the tree. */
  container: 'rationale',
  /** The Decisions tree. */
  decisions: 'rationale.decisions',
} as const;

export const ContextKeys = {
  /** The tree's current grouping (`status`, `tag`, …), so the Group By menu can mark or hide the current one. */
  grouping: 'rationale.grouping',
  /**
   * The decision folders of the loaded logs, as file-system paths, so editor menus can show record
   * commands with `resourceDirname in rationale.decisionFolders`.
   */
  decisionFolders: 'rationale.decisionFolders',
} as const;

/** Setting names, relative to the `rationale` section. */
export const Settings = {
  /** Folder of the records, relative to the workspace folder; empty means "find it". */
  decisionFolder: 'decisionFolder',
  /** Prefix used when referring to a record: `DR` in `DR-12`. */
  referencePrefix: 'referencePrefix',
  /** Folder of custom templates, relative to the workspace folder. */
  templateFolder: 'templateFolder',
  /** Grouping the tree starts with. */
  defaultGrouping: 'defaultGrouping',
  /** Severity of the Problems-panel entries for accepted records without rationale, data source or complete sign-off. */
  completenessSeverity: 'completenessSeverity',
  /** Self-hosted git hosts mapped to their kind (`github`, `gitlab`, …), for permalinks. */
  hostKinds: 'hostKinds',
} as const;

/** The name of the output channel and of the command category. */
export const DISPLAY_NAME = 'Rationale';

/** The `source` of the extension's diagnostics, shown in the Problems panel and matched by its quick fixes. */
export const DIAGNOSTIC_SOURCE = 'Rationale';
