import type { activitiesZhCN } from './zh-CN';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const activitiesEn: Strings<typeof activitiesZhCN> = {
  title: 'Follow-ups',
  log: 'Log follow-up',
  logged: 'Follow-up logged',
  empty: 'No follow-ups yet',
  emptyAction: 'Log the first follow-up',
  kinds: {
    call: 'Call',
    visit: 'Visit',
    meeting: 'Meeting',
    online_meeting: 'Video call',
    wechat: 'WeChat',
    email: 'Email',
    reception: 'Received visit',
    stage_change: 'Stage change',
    card_scan: 'Card scan',
    interest: 'Interest',
    note: 'Note',
  },
  fields: {
    kind: 'Kind',
    occurredAt: 'When',
    summary: 'Summary',
    summaryPlaceholder: 'What was discussed, what the investor cares about',
    nextStep: 'Next step',
    nextStepPlaceholder: 'e.g. send the factory brochure next week',
    participants: 'Participants',
    nextFollowUpAt: 'Next follow-up',
  },
  nextStep: 'Next step: {{text}}',
  participants: 'Participants: {{text}}',
  by: 'by {{name}}',
  system: 'System',
};
