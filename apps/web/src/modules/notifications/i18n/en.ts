import type { Messages } from '../../../shared/i18n/zh-CN';

/** The notification centre in English: every key of ./zh-CN.ts, checked by the compiler. */
export const notificationsEn: Messages['notifications'] = {
  title: 'Notifications',
  subtitle: 'What needs you: new interests from your cards, cards awaiting review, follow-ups due and more',
  bell: 'Notifications',
  bellWithCount: 'Notifications, {{count}} unread',
  latest: 'Latest',
  markAllRead: 'Mark all as read',
  allMarkedRead: '{{count}} notifications marked as read',
  viewAll: 'See all notifications',
  empty: 'No notifications',
  emptyUnread: 'No unread notifications',
  unread: 'Unread',
  filterAll: 'All',
  filterUnread: 'Unread',
  filterKind: 'All kinds',
  kinds: {
    card_interest: 'Investor interest',
    card_submitted: 'Card awaiting review',
    card_approved: 'Card published',
    card_returned: 'Card returned',
    lead_assigned: 'Lead assigned',
    follow_up_due: 'Follow-up due',
    project_stalled: 'Project stalled',
    request_overdue: 'Request overdue',
    request_submitted: 'New enterprise request',
    import_finished: 'Import finished',
  },
};
