// Command ids and setting keys, defined once. package.json declares the same names.

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
} as const;

export const ViewId = {
  growthNotes: 'reflect.growthNotes',
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
  reminderWorkdays: 'reflect.reminder.workdays',
  streakGraceDays: 'reflect.streak.graceDays',
  streakShow: 'reflect.streak.show',
} as const;
