// Command ids, view ids, status bar ids, context keys and setting keys, defined once. package.json
// declares the same names (a unit test checks both ways).

export const CommandId = {
  startRetro: 'reflect.startRetro',
  startEndOfDayRetro: 'reflect.startEndOfDayRetro',
  startSprintRetro: 'reflect.startSprintRetro',
  openJournalFolder: 'reflect.openJournalFolder',
  createTemplate: 'reflect.createTemplate',
  addGoal: 'reflect.addGoal',
  addWin: 'reflect.addWin',
  addFeedback: 'reflect.addFeedback',
  addLesson: 'reflect.addLesson',
  addHelp: 'reflect.addHelp',
  markGoalDone: 'reflect.markGoalDone',
  openGoal: 'reflect.openGoal',
  rebuildIndex: 'reflect.rebuildIndex',
  growthGroupByMonth: 'reflect.growthNotes.groupByMonth',
  growthUngroup: 'reflect.growthNotes.ungroup',
  growthFilter: 'reflect.growthNotes.filter',
  growthClearFilter: 'reflect.growthNotes.clearFilter',
  snoozeReminder: 'reflect.snoozeReminder',
  generateReview: 'reflect.generateReview',
  startDueRetro: 'reflect.startDueRetro',
  setUpJournalRepository: 'reflect.setUpJournalRepository',
  commitJournal: 'reflect.commitJournal',
  pushJournal: 'reflect.pushJournal',
  syncJournal: 'reflect.syncJournal',
  askForFeedback: 'reflect.askForFeedback',
  recordFeedback: 'reflect.recordFeedback',
  prepareOneOnOne: 'reflect.prepareOneOnOne',
} as const;

export const ViewId = {
  growthNotes: 'reflect.growthNotes',
  journal: 'reflect.journal',
} as const;

export const StatusBarId = {
  reminder: 'reflect.status',
  journalSync: 'reflect.journalSync',
} as const;

/** `when`-clause context keys set by Reflect. */
export const ContextKey = {
  growthByMonth: 'reflect.growthNotes.byMonth',
  growthFiltered: 'reflect.growthNotes.filtered',
} as const;

export const SettingKey = {
  journalFolder: 'reflect.journalFolder',
  sprintLength: 'reflect.sprint.length',
  sprintStart: 'reflect.sprint.start',
  reminderEnabled: 'reflect.reminder.enabled',
  reminderNotify: 'reflect.reminder.notify',
  reminderTime: 'reflect.reminder.time',
  dayStartsAt: 'reflect.dayStartsAt',
  reminderWorkdays: 'reflect.reminder.workdays',
  streakGraceDays: 'reflect.streak.graceDays',
  streakShow: 'reflect.streak.show',
  gitAutoCommit: 'reflect.git.autoCommit',
  gitAutoPush: 'reflect.git.autoPush',
  gitSync: 'reflect.git.sync',
  oneOnOneWith: 'reflect.oneOnOne.with',
} as const;

/** Commands of other extensions and of VS Code itself that Reflect runs. */
export const BuiltInCommand = {
  openSettings: 'workbench.action.openSettings',
  manageTrust: 'workbench.trust.manage',
  openFolder: 'vscode.openFolder',
  open: 'vscode.open',
  setContext: 'setContext',
} as const;
