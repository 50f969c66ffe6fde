// Command ids and setting keys, defined once. package.json declares the same names.

export const CommandId = {
  startRetro: 'reflect.startRetro',
  startEndOfDayRetro: 'reflect.startEndOfDayRetro',
  startSprintRetro: 'reflect.startSprintRetro',
  openJournalFolder: 'reflect.openJournalFolder',
  createTemplate: 'reflect.createTemplate',
} as const;

export const SettingKey = {
  journalFolder: 'reflect.journalFolder',
  sprintLength: 'reflect.sprint.length',
  sprintStart: 'reflect.sprint.start',
} as const;
